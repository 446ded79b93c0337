//! The contact object Bird's workspace Contacts API returns (the 201 response of Create a
//! contact, and Get / List contacts), as a rule table: the `bird-contact` read format.
//!
//! Sources: the 201 response fields of https://docs.bird.com/api/contacts-api/api-reference/manage-workspace-contacts/create-a-contact
//! (docs/RULES.md#bird-contact); its response example shows identifiers mirrored into
//! `attributes` as arrays, e.g. `"emailaddress": ["x@example.com"]`.
//!
//! A read format is checked leniently: only JSON types are checked (a mismatch is an error),
//! `null` is accepted wherever a value can be absent, and undocumented members are accepted.

use super::{import, read};
use crate::engine::crossing::{imported, named, Crossing};
use crate::model::ContactField as F;
use crate::spec::{list, Extra, Member, ObjectRules, ValueRules, INTEGER, STRING};

const FEATURED_IDENTIFIER: ObjectRules = ObjectRules::new(
    "Featured identifier",
    "An identifier of the contact: key (emailaddress, phonenumber or a custom key) and value.",
    Extra::Allow,
    &[
        Member::new("key", "Key", STRING).nullable(),
        Member::new("value", "Value", STRING).nullable(),
    ],
);

/// The contact object.
pub(crate) static CONTACT: ObjectRules = ObjectRules::new(
    "Bird contact object (read, workspace Contacts API)",
    "The contact object Bird returns (Create a contact 201 response, Get / List contacts). A read \
format: contactkit converts from it but not to it. Checked leniently, because Bird produced it: only JSON types \
are checked, null is accepted wherever a value can be absent, and undocumented members are accepted.",
    Extra::Allow,
    &[
        Member::new("id", "Id", STRING).maps(&Crossing::Ignored).nullable().doc("The unique identifier Bird gave the contact."),
        Member::new("computedDisplayName", "Computed display name", STRING).maps(&imported(F::FullName.single(), read::contact)).nullable().doc(
            "Derived, in this order if available, from the displayName attribute, the firstName attribute, the \
emailaddress identifier or the phonenumber identifier.",
        ),
        Member::new("createdAt", "Created at", STRING).maps(&Crossing::Ignored).nullable().doc("Date-time of creation."),
        Member::new("updatedAt", "Updated at", STRING).maps(&Crossing::Ignored).nullable().doc("Date-time of the last update."),
        Member::new("workspaceId", "Workspace id", STRING).maps(&Crossing::Ignored).nullable().doc("The workspace of the contact."),
        Member::new(
            "featuredIdentifiers",
            "Featured identifiers",
            list!(ValueRules::Object(&FEATURED_IDENTIFIER)),
        ).maps(&Crossing::Along { with: "computedDisplayName", fields: &[named!("[emailaddress]", F::Emails), named!("[phonenumber]", F::Phones), named!("[external_id]", F::ExternalId), named!("[*]", F::Identifiers)] })
        .nullable()
        .doc("Identifiers of the contact, {key, value}."),
        Member::new("attributes", "Attributes", ValueRules::Object(&crate::spec::CUSTOM_ATTRIBUTES)).maps(&Crossing::Along { with: "computedDisplayName", fields: &[named!(".displayName", F::FullName), named!(".firstName", F::FirstName), named!(".lastName", F::LastName), named!(".emailaddress", F::Emails), named!(".phonenumber", F::Phones), named!(".external_id", F::ExternalId), named!(".*", F::CustomAttributes)] }).nullable().doc(
            "Attribute values (displayName, firstName, lastName, custom attributes); identifiers are mirrored \
here as arrays under their key (emailaddress, phonenumber, ...).",
        ),
        Member::new("identifierCount", "Identifier count", INTEGER).maps(&Crossing::Ignored)
            .nullable()
            .doc("The number of identifiers of the contact."),
        Member::new("accountIds", "Account ids", list!(STRING)).maps(&imported(F::AccountIds.single(), import::strings)).nullable(),
        Member::new("listIds", "List ids", list!(STRING)).maps(&imported(F::ListIds.single(), import::strings)).nullable(),
        Member::new("companyRefs", "Company references", list!(STRING)).maps(&imported(F::CompanyRefs.single(), import::strings)).nullable(),
        Member::new("isAnonymous", "Anonymous", ValueRules::Boolean).maps(&Crossing::Ignored).nullable().doc(
            "Whether the contact is anonymous: it has no identifiers, or only visitorid identifiers.",
        ),
    ],
);
