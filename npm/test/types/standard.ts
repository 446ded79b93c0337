// The Standard Schema objects against the specification's own types (@standard-schema/spec)
// and a consumer's (TanStack Form), compiled with `tsc --strict` (typescript.test.mjs).
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { FormApi } from "@tanstack/form-core";
import { birdSchema, helpscoutSchema, type BirdCreateContact, type HelpScoutCustomer } from "contactkit/forms";
import { intercomSchema, type IntercomCreateContact } from "contactkit";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type AssertTrue<T extends true> = T;

// Assignable to the specification's interfaces, with the payload types as input and output.
const asStandard: StandardSchemaV1<HelpScoutCustomer> = helpscoutSchema;
const asJsonSchema: StandardJSONSchemaV1<BirdCreateContact> = birdSchema;
const fromFull: StandardSchemaV1<IntercomCreateContact> = intercomSchema;

export type Inferred = [
  AssertTrue<Equal<StandardSchemaV1.InferOutput<typeof helpscoutSchema>, HelpScoutCustomer>>,
  AssertTrue<Equal<StandardSchemaV1.InferInput<typeof birdSchema>, BirdCreateContact>>,
];

/** A generic consumer of any Standard Schema, as libraries write them. */
async function parse<S extends StandardSchemaV1>(schema: S, value: unknown): Promise<StandardSchemaV1.InferOutput<S>> {
  const result = await schema["~standard"].validate(value);
  if (result.issues) throw new Error(result.issues.map((i) => i.message).join("; "));
  return result.value;
}

export async function consume(value: unknown): Promise<string> {
  const customer: HelpScoutCustomer = await parse(helpscoutSchema, value);
  const bird = await parse(birdSchema, value);
  const schema = asJsonSchema["~standard"].jsonSchema.input({ target: "draft-2020-12" });
  console.log(asStandard, fromFull, bird.displayName, schema["$id"]);
  return customer.firstName ?? "";
}

// TanStack Form: the schema as a form validator for a form of the payload's type.
export function tanstack(): void {
  const defaultValues: HelpScoutCustomer = { firstName: "Ada", emails: [{ type: "work", value: "ada@example.com" }] };
  const form = new FormApi({ defaultValues, validators: { onChange: helpscoutSchema } });
  form.mount();
  form.setFieldValue("firstName", "Grace");
}
