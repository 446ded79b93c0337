// The payload types of the `contactkit` npm package, generated from contactkit's rule tables
// (the tables the validator, the JSON Schemas and the form metadata are derived from).
// Do not edit: run `cargo run -p contactkit-wasm --example payload_types -- npm/payloads.d.ts`
// (a test of crates/wasm fails while this file is not current).
import type { JsonValue } from "./forms.js";

/**
 * Sequence (Create Person) (`sequence`). Body of POST https://api.sequence.so/api/v1/person. Every documented field is a string; any other member is saved as a custom attribute. Strings over 255 characters are warnings (Sequence's database columns are VARCHAR(255); its docs state no limit). `null` clears an optional field ("pass the value null and it will be cleared"), so every field but externalId accepts it.
 */
export interface SequencePerson {
  /** External id. Person's ID in your app (so you can link IDs). */
  externalId: string;
  /** Intercom id. The associated Intercom ID for this Person. */
  intercomId?: string | null | undefined;
  /** Industry. The Person's industry. */
  industry?: string | null | undefined;
  /** Company name. Name of the Person's company. */
  companyName?: string | null | undefined;
  /** Website URL. URL of the Person's website. */
  websiteUrl?: string | null | undefined;
  /** Job title. Title of the person in their company. */
  title?: string | null | undefined;
  /** City. City of the person. */
  city?: string | null | undefined;
  /** Region. Region (state or province) of the person. */
  region?: string | null | undefined;
  /** Country. Country of the person. */
  country?: string | null | undefined;
  /** Operating system. Operating system last used to access your app. */
  os?: string | null | undefined;
  /** Browser language. Language settings for browser last used to access your app. */
  browserLanguage?: string | null | undefined;
  /** Browser version. Version of last browser used to access your app. */
  browserVersion?: string | null | undefined;
  /** Browser. Last browser used to access your app. */
  browser?: string | null | undefined;
  /** Last seen at. Last time the person performed an action, in ISO date format. */
  lastSeenAt?: string | null | undefined;
  /** Signed up at. Signed up date in ISO date format. */
  signedUpAt?: string | null | undefined;
  /** Phone. Person phone (no format enforced). */
  phone?: string | null | undefined;
  /** Photo URL. URL to person's photo. */
  photo?: string | null | undefined;
  /** Email. Person email. */
  email?: string | null | undefined;
  /** First name. Person first name. */
  firstName?: string | null | undefined;
  /** Last name. Person last name. */
  lastName?: string | null | undefined;
  /** Any other member is accepted as data (a custom attribute). */
  [member: string]: unknown;
}

/**
 * Intercom (Create contact, API 2.15) (`intercom`). Body of POST https://api.intercom.io/contacts. At least one of email, external_id or role is required; with role "user", email or external_id is required. Custom attribute values must be strings, numbers, booleans or null. Members not listed here are accepted by this schema; contactkit reports them as `unknown_field` warnings.
 */
export interface IntercomCreateContact {
  /** Role. The role of the contact: user or lead. */
  role?: "user" | "lead" | undefined;
  /** External id. A unique identifier for the contact which is given to Intercom. */
  external_id?: string | undefined;
  /** Email. The contact's email. */
  email?: string | undefined;
  /** Phone. The contact's phone (e.g. +353871234567). */
  phone?: string | null | undefined;
  /** Name. The contact's full name. */
  name?: string | null | undefined;
  /** Avatar URL. An image URL containing the avatar of a contact. */
  avatar?: string | null | undefined;
  /** Signed up at. Unix timestamp in seconds of when the contact signed up. */
  signed_up_at?: number | null | undefined;
  /** Last seen at. Unix timestamp in seconds of when the contact was last seen. */
  last_seen_at?: number | null | undefined;
  /** Owner id. The id of an admin that has been assigned account ownership of the contact. */
  owner_id?: number | null | undefined;
  /** Unsubscribed from emails. Whether the contact is unsubscribed from emails. */
  unsubscribed_from_emails?: boolean | null | undefined;
  /** Custom attributes. The custom attributes of the contact: data attribute name to value. */
  custom_attributes?: {
    [member: string]: string | number | boolean | null;
  } | null | undefined;
}

/**
 * Bird (Create a contact) (`bird`). Body of POST https://api.bird.com/workspaces/{workspaceId}/contacts. Other properties are accepted. Identifiers must be unique (a repeated key and value is an error, which this schema cannot express for identifiers that differ only in `properties`).
 */
export interface BirdCreateContact {
  /** Display name. The display name for the contact. */
  displayName: string;
  /** Identifiers. Identifiers such as {"key": "emailaddress", "value": "ada@example.com"}; each must be unique. Two identifiers with the same key and value are duplicates even when their properties differ; uniqueItems states only the case of identical items (not expressible in JSON Schema). */
  identifiers?: Array<{
    /** Identifier key. emailaddress, phonenumber, or a custom identifier key. */
    key: string;
    /** Identifier value. */
    value: string;
    /** Identifier properties. Free object, e.g. {"countryCode": "US", "isGmail": true}. */
    properties?: {
      /** Any other member is accepted as data (a custom attribute). */
      [member: string]: unknown;
    } | undefined;
    /** Any other member is accepted as data (a custom attribute). */
    [member: string]: unknown;
  }> | undefined;
  /** Attributes. Attribute values: booleans, numbers, strings, null, or non-empty arrays of those. */
  attributes?: {
    [member: string]: boolean | number | string | null | Array<boolean | number | string | null>;
  } | undefined;
  /** Account ids. 1 to 10 account ids (UUIDs). */
  accountIds?: Array<string> | undefined;
  /** List ids. 1 to 10 list ids (UUIDs). */
  listIds?: Array<string> | undefined;
  /** Company references. The list of company references for the contact. */
  companyRefs?: Array<string> | undefined;
  /** Any other member is accepted as data (a custom attribute). */
  [member: string]: unknown;
}

/**
 * Help Scout (Create Customer, Mailbox API 2.0) (`helpscout`). Body of POST https://api.helpscout.net/v2/customers. No field is required in 2.0. Not expressible in this schema: property slugs must be unique within `properties`, and property values are checked against the account's property definitions when contactkit is given them. Members not listed here are accepted by this schema; contactkit reports them as `unknown_field` warnings.
 */
export interface HelpScoutCustomer {
  /** First name. When defined it must be between 1 and 40 characters. */
  firstName?: string | undefined;
  /** Last name. When defined it must be between 1 and 40 characters. */
  lastName?: string | undefined;
  /** Phone. Optional phone number used when creating a new customer. */
  phone?: string | undefined;
  /** Photo URL. URL of the customer's photo. Max length 200 characters. */
  photoUrl?: string | undefined;
  /** Photo type. */
  photoType?: "unknown" | "gravatar" | "twitter" | "facebook" | "googleprofile" | "googleplus" | "linkedin" | "instagram" | undefined;
  /** Job title. Max length 60 characters. */
  jobTitle?: string | undefined;
  /** Notes. The Notes field of the user interface. Max length 200 characters. */
  background?: string | undefined;
  /** Location. Max length 60 characters. */
  location?: string | undefined;
  /** Organization. Max length 60 characters. Deprecated in favour of organizationId on the newest docs page. */
  organization?: string | undefined;
  /** Organization id. Id of the customer's organization (example 35). The vendor's docs do not state the exact type; other types are warnings. */
  organizationId?: number | undefined;
  /** Gender. male, female or unknown. */
  gender?: "male" | "female" | "unknown" | undefined;
  /** Age. Customer's age, a free string such as "30-35". */
  age?: string | undefined;
  /** Emails. */
  emails?: Array<{
    /** Type. work, home or other (the v2 docs do not list the values; v1 defaults to work). */
    type?: "work" | "home" | "other" | (string & {}) | undefined;
    /** Email. The address. The v2 Create Email page is not available, so that the value is required is not documented (a missing value is a warning). Probably required (a warning when missing); the vendor's docs do not state it. */
    value?: string | undefined;
  }> | undefined;
  /** Phones. */
  phones?: Array<{
    /** Type. */
    type: "fax" | "home" | "mobile" | "other" | "pager" | "work";
    /** Phone number. Telephone number; no format is documented. */
    value: string;
  }> | undefined;
  /** Chat handles. */
  chats?: Array<{
    /** Type. */
    type: "aim" | "gtalk" | "icq" | "msn" | "other" | "qq" | "skype" | "xmpp" | "yahoo";
    /** Handle. */
    value: string;
  }> | undefined;
  /** Social profiles. */
  socialProfiles?: Array<{
    /** Type. */
    type: "aboutme" | "facebook" | "flickr" | "forsquare" | "foursquare" | "google" | "googleplus" | "linkedin" | "other" | "quora" | "tungleme" | "twitter" | "youtube";
    /** Profile. Social profile handle (URL for example). */
    value: string;
  }> | undefined;
  /** Websites. */
  websites?: Array<{
    /** Website URL. */
    value: string;
  }> | undefined;
  /** Address. */
  address?: {
    /** City. */
    city?: string | undefined;
    /** State. */
    state?: string | undefined;
    /** Postal code. */
    postalCode?: string | undefined;
    /** Country. The docs' examples use 2-letter codes ("US"); the SDK's fixtures reject an empty country. Probably required (a warning when missing); the vendor's docs do not state it. */
    country?: string | undefined;
    /** Street lines. */
    lines?: Array<string> | undefined;
  } | undefined;
  /** Properties. Customer property values, as a list of {slug, value} (or an object of slug: value). */
  properties?: Array<{
    slug: string;
    /** number: an integer; text: at most 255 characters; url; date (YYYY-MM-DD); dropdown: an option id or label. */
    value: string | number;
  }> | {
    [member: string]: string | number;
  } | undefined;
}

/**
 * contactkit canonical contact (`canonical`). contactkit's vendor-neutral contact: the hub every conversion passes through. No member is required; empty values are omitted. Timestamps are RFC 3339 date-times (contactkit writes UTC, YYYY-MM-DDTHH:MM:SSZ). Members not listed here are accepted by this schema; contactkit reports them as `unknown_field` warnings.
 */
export interface CanonicalContact {
  /** External id. The contact's id in your own system. */
  externalId?: string | undefined;
  /** Full name. */
  fullName?: string | undefined;
  /** First name. */
  firstName?: string | undefined;
  /** Last name. */
  lastName?: string | undefined;
  /** Emails. The primary address first. */
  emails?: Array<{
    /** Email. */
    value: string;
    /** Kind. */
    kind?: "work" | "home" | "other" | undefined;
  }> | undefined;
  /** Phones. The primary number first. */
  phones?: Array<{
    /** Phone. */
    value: string;
    /** Kind. */
    kind?: "fax" | "home" | "mobile" | "other" | "pager" | "work" | undefined;
  }> | undefined;
  /** Photo URL. */
  photoUrl?: string | undefined;
  /** Photo type. */
  photoType?: "unknown" | "gravatar" | "twitter" | "facebook" | "googleprofile" | "googleplus" | "linkedin" | "instagram" | undefined;
  /** Job title. */
  jobTitle?: string | undefined;
  /** Organization. */
  organization?: string | undefined;
  /** Organization id. */
  organizationId?: number | undefined;
  /** Industry. */
  industry?: string | undefined;
  /** Address. */
  address?: {
    /** Street lines. */
    lines?: Array<string> | undefined;
    /** City. */
    city?: string | undefined;
    /** Region / state. */
    region?: string | undefined;
    /** Postal code. */
    postalCode?: string | undefined;
    /** Country. */
    country?: string | undefined;
  } | undefined;
  /** Location. Free-text location. */
  location?: string | undefined;
  /** Websites. */
  websites?: Array<string> | undefined;
  /** Signed up at. */
  signedUpAt?: string | undefined;
  /** Last seen at. */
  lastSeenAt?: string | undefined;
  /** Browser. */
  browser?: string | undefined;
  /** Browser version. */
  browserVersion?: string | undefined;
  /** Browser language. */
  browserLanguage?: string | undefined;
  /** Operating system. */
  os?: string | undefined;
  /** Gender. */
  gender?: "male" | "female" | "unknown" | undefined;
  /** Age. */
  age?: string | undefined;
  /** Notes. */
  notes?: string | undefined;
  /** Chat handles. */
  chats?: Array<{
    /** Service. */
    kind: "aim" | "gtalk" | "icq" | "msn" | "other" | "qq" | "skype" | "xmpp" | "yahoo";
    /** Handle. */
    value: string;
  }> | undefined;
  /** Social profiles. */
  socialProfiles?: Array<{
    /** Network. */
    kind: "aboutme" | "facebook" | "flickr" | "forsquare" | "foursquare" | "google" | "googleplus" | "linkedin" | "other" | "quora" | "tungleme" | "twitter" | "youtube";
    /** Profile. */
    value: string;
  }> | undefined;
  /** Other identifiers. */
  identifiers?: Array<{
    /** Key. */
    key: string;
    /** Value. */
    value: string;
  }> | undefined;
  /** List ids. */
  listIds?: Array<string> | undefined;
  /** Account ids. */
  accountIds?: Array<string> | undefined;
  /** Company references. */
  companyRefs?: Array<string> | undefined;
  /** Tags. */
  tags?: Array<string> | undefined;
  /** Role. */
  role?: "user" | "lead" | undefined;
  /** Owner id. */
  ownerId?: number | undefined;
  /** Unsubscribed from emails. */
  unsubscribedFromEmails?: boolean | undefined;
  /** Intercom id. */
  intercomId?: string | undefined;
  /** Custom attributes. */
  customAttributes?: {
    /** Any other member is accepted as data (a custom attribute). */
    [member: string]: unknown;
  } | undefined;
}

/** The payload type of each create format, by format id. */
export interface PayloadTypes {
  sequence: SequencePerson;
  intercom: IntercomCreateContact;
  bird: BirdCreateContact;
  helpscout: HelpScoutCustomer;
  canonical: CanonicalContact;
}
