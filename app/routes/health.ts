// For load balancers and the test runner: answers 200 when the database answers.
import { databaseAnswers } from "~/models/health.server";

export async function loader() {
  await databaseAnswers();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
