// The questions and answers about one application, oldest first, with who wrote each and when.
// The same on both sides; only the words for "who" differ: the resident reads "het fondsbureau" and
// "u", the bureau "het fondsbureau" and "de aanvrager".
import type { ReactNode } from "react";
import type { ConversationMessage } from "~/models/questions.server";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "./format";

/** `children`: what follows the messages on this page (the bureau's question form, the answer form, a hint). */
export function Conversation({ messages, side, children }: { messages: ConversationMessage[]; side: "bureau" | "resident"; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const after = [children].flat().filter(Boolean);
  if (messages.length === 0 && after.length === 0) return null;
  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title">{t("conversation.title")}</h2>
      {messages.length > 0 ? (
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
      ) : null}
      {children}
    </section>
  );
}
