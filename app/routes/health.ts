// For load balancers, monitoring and the test runner: 200 when the database answers, with the
// mail queue beside it. Dead letters do not make it fail (the app still serves people), but the
// status says "attention" so monitoring can alert on it.
import { databaseAnswers, mailQueue } from "~/models/health.server";

export async function loader() {
  await databaseAnswers();
  const mail = await mailQueue();
  const body = { status: mail.deadLetters > 0 ? "attention" : "ok", database: "ok", mail };
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
