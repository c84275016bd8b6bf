// The resident's view of where an application stands: five plain steps, the current one marked.
import { TIMELINE_STAGES, timelineStage, type ApplicationStatus } from "~/domain/lifecycle";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/catalogue";

export function StatusTimeline({ status }: { status: ApplicationStatus }) {
  const t = useT();
  const stage = timelineStage(status);
  const reached = stage ? TIMELINE_STAGES.indexOf(stage) : -1;
  return (
    <div className="timeline">
      {stage === null ? <p>{t("timeline.stopped", { status: t(`lifecycle.status.${status}` as MessageKey) })}</p> : null}
      <ol>
        {TIMELINE_STAGES.map((s, i) => {
          const state = i < reached ? "done" : i === reached ? "current" : "todo";
          return (
            <li key={s} className={`timeline-step timeline-step--${state}`} aria-current={state === "current" ? "step" : undefined}>
              <span className="timeline-label">{t(`lifecycle.stage.${s}` as MessageKey)}</span>
              <span className="visually-hidden"> ({t(`timeline.${state}` as MessageKey)})</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
