// Must NOT compile: typescript.test.mjs checks that tsc rejects it (an unknown format id).
import { validate } from "contactkit";
validate("hubspot", {});
