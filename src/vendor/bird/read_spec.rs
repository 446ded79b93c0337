//! The contact object Bird's workspace Contacts API returns (the 201 response of Create a
//! contact, and Get / List contacts), as a rule table: the `bird-contact` read format.
//!
//! Sources: the 201 response fields of https://docs.bird.com/api/contacts-api/api-reference/manage-workspace-contacts/create-a-contact
//! (docs/RULES.md#bird-contact); its response example shows identifiers mirrored into
//! `attributes` as arrays, e.g. `"emailaddress": ["x@example.com"]`.
//!
//! A read format is checked leniently: only JSON types are checked (a mismatch is an error),
//! `null` is accepted wherever a value can be absent, and undocumented members are accepted.

use crate::spec::{list, Extra, Field, Kind, Obj, INTEGER, STRING};

const FEATURED_IDENTIFIER: Obj = Obj {
    title: "Featured identifier",
    description:
        "An identifier of the contact: key (emailaddress, phonenumber or a custom key) and value.",
    fields: &[
        Field::new("key", "Key", STRING).nullable(),
        Field::new("value", "Value", STRING).nullable(),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};

/// The contact object.
pub(crate) static CONTACT: Obj = Obj {
    title: "Bird contact object (read, workspace Contacts API)",
    description: "The contact object Bird returns (Create a contact 201 response, Get / List contacts). A read \
format: contactkit converts from it but not to it. Checked leniently, because Bird produced it: only JSON types \
are checked, null is accepted wherever a value can be absent, and undocumented members are accepted.",
    fields: &[
        Field::new("id", "Id", STRING).nullable().doc("The unique identifier Bird gave the contact."),
        Field::new("computedDisplayName", "Computed display name", STRING).nullable().doc(
            "Derived, in this order if available, from the displayName attribute, the firstName attribute, the \
emailaddress identifier or the phonenumber identifier.",
        ),
        Field::new("createdAt", "Created at", STRING).nullable().doc("Date-time of creation."),
        Field::new("updatedAt", "Updated at", STRING).nullable().doc("Date-time of the last update."),
        Field::new("workspaceId", "Workspace id", STRING).nullable().doc("The workspace of the contact."),
        Field::new(
            "featuredIdentifiers",
            "Featured identifiers",
            list!(Kind::Object(&FEATURED_IDENTIFIER)),
        )
        .nullable()
        .doc("Identifiers of the contact, {key, value}."),
        Field::new("attributes", "Attributes", Kind::Object(&crate::spec::CUSTOM_ATTRIBUTES)).nullable().doc(
            "Attribute values (displayName, firstName, lastName, custom attributes); identifiers are mirrored \
here as arrays under their key (emailaddress, phonenumber, ...).",
        ),
        Field::new("identifierCount", "Identifier count", INTEGER)
            .nullable()
            .doc("The number of identifiers of the contact."),
        Field::new("accountIds", "Account ids", list!(STRING)).nullable(),
        Field::new("listIds", "List ids", list!(STRING)).nullable(),
        Field::new("companyRefs", "Company references", list!(STRING)).nullable(),
        Field::new("isAnonymous", "Anonymous", Kind::Bool).nullable().doc(
            "Whether the contact is anonymous: it has no identifiers, or only visitorid identifiers.",
        ),
    ],
    extra: Extra::Allow,
    any_of_required: &[],
    check: None,
};
