//! What Intercom returns for a Create contact request: the `contact` object of the 2.15 spec,
//! in the member order of the spec's own example 200 response.

use serde_json::{json, Map, Value};

use crate::preview::{Placeholders, PLACEHOLDER_ID};

/// The members of the response that Intercom computes or records later and that a new contact
/// has no value for: `null` (the example response shows them so).
const UNSET_AFTER_OS: &[&str] = &[
    "android_app_name",
    "android_app_version",
    "android_device",
    "android_os_version",
    "android_sdk_version",
    "android_last_seen_at",
    "ios_app_name",
    "ios_app_version",
    "ios_device",
    "ios_os_version",
    "ios_sdk_version",
    "ios_last_seen_at",
];

/// An empty list of attached objects, with its URL.
fn list(url: String) -> Value {
    json!({"type": "list", "data": [], "url": url, "total_count": 0, "has_more": false})
}

/// The contact object for a valid create payload `p`.
pub(crate) fn contact(p: &Map<String, Value>, at: &Placeholders) -> Value {
    let get = |member: &str| p.get(member).cloned().unwrap_or(Value::Null);
    let mut out = Map::new();
    out.insert("type".into(), json!("contact"));
    out.insert("id".into(), json!(PLACEHOLDER_ID));
    out.insert("workspace_id".into(), json!(PLACEHOLDER_ID));
    out.insert("external_id".into(), get("external_id"));
    // The spec's example posts only an email and gets back role "user".
    let role = p.get("role").cloned().unwrap_or_else(|| json!("user"));
    out.insert("role".into(), role);
    // `email` and `email_domain` are strings that the schema does not let be null: a contact
    // without an email gets neither.
    if let Some(Value::String(email)) = p.get("email") {
        out.insert("email".into(), json!(email));
        if let Some((_, domain)) = email.rsplit_once('@') {
            out.insert("email_domain".into(), json!(domain));
        }
    }
    out.insert("phone".into(), get("phone"));
    out.insert("name".into(), get("name"));
    let avatar = match p.get("avatar") {
        Some(Value::String(url)) => json!({"type": "avatar", "image_url": url}),
        _ => Value::Null,
    };
    out.insert("avatar".into(), avatar);
    out.insert("owner_id".into(), get("owner_id"));
    out.insert(
        "social_profiles".into(),
        json!({"type": "list", "data": []}),
    );
    out.insert("has_hard_bounced".into(), json!(false));
    out.insert("marked_email_as_spam".into(), json!(false));
    let unsubscribed = match p.get("unsubscribed_from_emails") {
        Some(Value::Bool(b)) => *b,
        _ => false,
    };
    out.insert("unsubscribed_from_emails".into(), json!(unsubscribed));
    out.insert("created_at".into(), json!(at.now));
    out.insert("updated_at".into(), json!(at.now));
    out.insert("signed_up_at".into(), get("signed_up_at"));
    out.insert("last_seen_at".into(), get("last_seen_at"));
    for member in [
        "last_replied_at",
        "last_contacted_at",
        "last_email_opened_at",
        "last_email_clicked_at",
        "language_override",
        "browser",
        "browser_version",
        "browser_language",
        "os",
    ] {
        out.insert(member.into(), Value::Null);
    }
    out.insert(
        "location".into(),
        json!({
            "type": "location",
            "country": null,
            "region": null,
            "city": null,
            "country_code": null,
            "continent_code": null
        }),
    );
    for member in UNSET_AFTER_OS {
        out.insert((*member).into(), Value::Null);
    }
    let custom = match p.get("custom_attributes") {
        Some(Value::Object(map)) => Value::Object(map.clone()),
        _ => json!({}),
    };
    out.insert("custom_attributes".into(), custom);
    let base = format!("/contacts/{PLACEHOLDER_ID}");
    out.insert("tags".into(), list(format!("{base}/tags")));
    out.insert("notes".into(), list(format!("{base}/notes")));
    out.insert("companies".into(), list(format!("{base}/companies")));
    out.insert(
        "opted_out_subscription_types".into(),
        list(format!("{base}/subscriptions")),
    );
    out.insert(
        "opted_in_subscription_types".into(),
        list(format!("{base}/subscriptions")),
    );
    for member in [
        "utm_campaign",
        "utm_content",
        "utm_medium",
        "utm_source",
        "utm_term",
        "referrer",
        "enabled_push_messaging",
    ] {
        out.insert(member.into(), Value::Null);
    }
    Value::Object(out)
}
