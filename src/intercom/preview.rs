//! What Intercom returns for a Create contact request: the `contact` object of the 2.15 spec,
//! in the member order of the spec's own example 200 response.

use crate::value::{Map, Value};

use crate::engine::shared::retain_members;
use crate::preview::Placeholders;
use crate::spec::Echo;

/// The contact object of a new contact before the request's values are filled in: the members
/// Intercom computes or records later are `null` or empty (as in the spec's example response),
/// the ids are the placeholder `"preview"` (also in the list URLs), `role` is Intercom's default
/// `"user"`. A template parsed at run time keeps the WebAssembly build small (the code that
/// would build this object member by member is several times its size).
const TEMPLATE: &str = r#"{"type":"contact","id":"preview","workspace_id":"preview","external_id":null,"role":"user","email":null,"email_domain":null,"phone":null,"name":null,"avatar":null,"owner_id":null,"social_profiles":{"type":"list","data":[]},"has_hard_bounced":false,"marked_email_as_spam":false,"unsubscribed_from_emails":false,"created_at":0,"updated_at":0,"signed_up_at":null,"last_seen_at":null,"last_replied_at":null,"last_contacted_at":null,"last_email_opened_at":null,"last_email_clicked_at":null,"language_override":null,"browser":null,"browser_version":null,"browser_language":null,"os":null,"location":{"type":"location","country":null,"region":null,"city":null,"country_code":null,"continent_code":null},"android_app_name":null,"android_app_version":null,"android_device":null,"android_os_version":null,"android_sdk_version":null,"android_last_seen_at":null,"ios_app_name":null,"ios_app_version":null,"ios_device":null,"ios_os_version":null,"ios_sdk_version":null,"ios_last_seen_at":null,"custom_attributes":{},"tags":{"type":"list","data":[],"url":"/contacts/preview/tags","total_count":0,"has_more":false},"notes":{"type":"list","data":[],"url":"/contacts/preview/notes","total_count":0,"has_more":false},"companies":{"type":"list","data":[],"url":"/contacts/preview/companies","total_count":0,"has_more":false},"opted_out_subscription_types":{"type":"list","data":[],"url":"/contacts/preview/subscriptions","total_count":0,"has_more":false},"opted_in_subscription_types":{"type":"list","data":[],"url":"/contacts/preview/subscriptions","total_count":0,"has_more":false},"utm_campaign":null,"utm_content":null,"utm_medium":null,"utm_source":null,"utm_term":null,"referrer":null,"enabled_push_messaging":null}"#;

/// The contact object for a valid create payload `p`.
pub(crate) fn contact(p: &Map, at: &Placeholders) -> Value {
    let mut out = match crate::json::parse_value(TEMPLATE) {
        Ok(Value::Object(map)) => map,
        // The template is a constant JSON object (tested).
        _ => Map::new(),
    };
    let mut set = |member: &str, value: Value| {
        if let Some(slot) = out.get_mut(member) {
            *slot = value;
        }
    };
    // The request members that the response holds unchanged (declared in `read_spec`).
    for member in super::read_spec::CONTACT.members {
        if let Echo::No = *member.echo {
            continue;
        }
        // `null` keeps the template's value (`null`, or the defaults `false` and `"user"`).
        if let Some(value) = p.get(member.name).filter(|v| !v.is_null()) {
            set(member.name, value.clone());
        }
    }
    set("created_at", Value::from(at.now));
    set("updated_at", Value::from(at.now));
    if let Some(Value::String(url)) = p.get("avatar") {
        let mut avatar = Map::new();
        avatar.insert("type".into(), Value::from("avatar"));
        avatar.insert("image_url".into(), Value::from(url.as_str()));
        set("avatar", Value::Object(avatar));
    }
    if let Some(Value::Object(custom)) = p.get("custom_attributes") {
        set("custom_attributes", Value::Object(custom.clone()));
    }
    // `email` and `email_domain` are strings the schema does not let be null: a contact without
    // an email has neither.
    match p.get("email") {
        Some(Value::String(email)) => {
            set("email", Value::from(email.as_str()));
            if let Some((_, domain)) = crate::json::rsplit_ascii_once(email, b'@') {
                set("email_domain", Value::from(domain));
            }
        }
        // Not `shift_remove` (the module would link it only for this): the order is kept.
        _ => retain_members(&mut out, &mut |k| k != "email"),
    }
    if out.get("email_domain").is_some_and(Value::is_null) {
        retain_members(&mut out, &mut |k| k != "email_domain");
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::TEMPLATE;

    /// Without an email the contact has neither `email` nor `email_domain`, and the other
    /// members keep the template's order; with one, both are in their places.
    #[test]
    fn email_members_are_left_out_without_an_email_and_the_order_kept() {
        let template: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(TEMPLATE).expect("JSON");
        let options = crate::PreviewOptions::new();
        let keys = |payload: serde_json::Value| -> Vec<String> {
            let contact = crate::preview(crate::Format::Intercom, &payload, &options)
                .expect("a valid payload");
            contact
                .as_object()
                .expect("object")
                .keys()
                .cloned()
                .collect()
        };
        let all: Vec<String> = template.keys().cloned().collect();
        let without: Vec<String> = all
            .iter()
            .filter(|k| *k != "email" && *k != "email_domain")
            .cloned()
            .collect();
        assert_eq!(keys(serde_json::json!({"role": "lead"})), without);
        assert_eq!(keys(serde_json::json!({"email": "ada@example.com"})), all);
    }

    #[test]
    fn template_is_an_object_with_the_example_responses_members() {
        let template: serde_json::Value = serde_json::from_str(TEMPLATE).expect("JSON");
        assert_eq!(template["tags"]["url"], "/contacts/preview/tags");
        assert_eq!(template["id"], crate::PreviewOptions::PLACEHOLDER_ID);
        assert_eq!(template.as_object().map(serde_json::Map::len), Some(54));
    }
}
