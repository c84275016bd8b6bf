// The questions and answers about one application, oldest first, with who wrote each and when.
// The same on both sides; only the words for "who" differ: the resident reads "het fondsbureau" and
// "u", the bureau "het fondsbureau" and "de aanvrager".
import type { ConversationMessage } from "~/models/questions.server";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "./format";

export function Conversation({ messages, side }: { messages: ConversationMessage[]; side: "bureau" | "resident" }) {
  const t = useT();
  const locale = useLocale();
  if (messages.length === 0) return null;
  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t("conversation.title")}</h2>
      <ol>
        {messages.map((m, i) => (
          <li key={i} className={`conversation-message conversation-message--${m.kind}`}>
            <p className="meta">
              {t("conversation.meta", {
                kind: t(m.kind === "question" ? "conversation.question" : "conversation.answer"),
                who: t(m.kind === "question" ? "conversation.byBureau" : side === "resident" ? "conversation.byYou" : "conversation.byApplicant"),
                date: formatDateTime(m.at, locale),
              })}
            </p>
            <p className="conversation-body">{m.body}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
