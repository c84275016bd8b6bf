// Who may post a budget form: a fund administrator (pots.manage). A post from anyone else is 403,
// also when not signed in (as the bureau's application page): there is nothing to sign in for
// halfway through a post.
import { can } from "~/domain/permissions";
import { actorOf, type User } from "~/models/users.server";
import { getUser } from "./auth.server";

export async function requireBudgetManager(request: Request): Promise<User> {
  const user = await getUser(request);
  if (!user || !can(actorOf(user), "pots.manage").allowed) throw new Response("Forbidden", { status: 403 });
  return user;
}
