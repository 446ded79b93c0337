// The payload the browser pages validate (and the browser test checks against Node).
export const samplePayload = {
  firstName: "Ada",
  lastName: "Lovelace",
  gender: "robot",
  emails: [{ type: "work", value: "ada@example" }],
  __proto__x: "kept as data",
};
