// The size test's app for the forms entry: everything it exports, kept by the bundler.
import * as contactkit from "contactkit/forms";

globalThis.contactkit = contactkit;
