// The size test's app for the full entry: everything it exports, kept by the bundler.
import * as contactkit from "contactkit";

globalThis.contactkit = contactkit;
