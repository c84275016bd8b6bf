// A valid application as a browser would post it, to change one field at a time in tests.
export function validFields(overrides: Record<string, string | string[] | undefined> = {}): FormData {
  const fields: Record<string, string | string[] | undefined> = {
    submissionKey: `key-${Math.random().toString(36).slice(2)}`,
    name: "Sanne Test",
    email: "sanne.test@example.org",
    areaId: "kroeven",
    title: "Samen koken",
    description: "Elke maand koken we met buren en eten we samen.",
    activityDate: "2027-01-15",
    participants: "30",
    factorIds: ["ontmoeting"],
    amount: "1.250,50",
    publicConsent: "yes",
    ...overrides,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of [value].flat()) form.append(key, v);
  }
  return form;
}
