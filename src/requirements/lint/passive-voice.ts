/**
 * The `passive-without-actor` rule: "must be validated", "records are archived", with no "by …" and
 * nothing a test could observe. Who validates, when, and what does a caller see? Passives that say what
 * the software answers ("is refused with 400", "is returned exactly as sent") are left alone: the actor
 * is the software and the outcome is visible.
 */
import { hasObservableOutcome } from "./observable-outcome.js";
import { matchesOf, type SentenceFinding } from "./sentence-finding.js";

const irregularParticiples = [
  "sent",
  "kept",
  "shown",
  "known",
  "given",
  "written",
  "taken",
  "done",
  "made",
  "set",
  "held",
  "built",
  "paid",
  "told",
  "found",
  "run",
  "thrown",
  "drawn",
  "chosen",
  "hidden",
  "spent",
  "sold",
  "brought",
  "bought",
  "caught",
  "cut",
  "put",
];

/** Passives whose actor is the software answering, which the observable-outcome test covers anyway. */
const answeringParticiples = new Set([
  "refused",
  "rejected",
  "returned",
  "answered",
  "accepted",
  "ignored",
  "printed",
  "shown",
  "displayed",
  "listed",
  "echoed",
  "allowed",
  "based",
  "called",
  "named",
  "used",
  "required",
  "supposed",
  "expected",
  "interpreted",
  "treated",
  "considered",
  "compared",
  "rounded",
  "sorted",
  "ordered",
  "limited",
  "paged",
]);

/** Actions someone or something must perform, where the actor matters even in the present tense. */
const workflowParticiples = [
  "validated",
  "verified",
  "checked",
  "approved",
  "reviewed",
  "notified",
  "informed",
  "alerted",
  "logged",
  "audited",
  "recorded",
  "stored",
  "saved",
  "persisted",
  "backed up",
  "archived",
  "encrypted",
  "hashed",
  "processed",
  "handled",
  "emailed",
  "mailed",
  "sent",
  "delivered",
  "synchronised",
  "synchronized",
  "synced",
  "calculated",
  "computed",
  "generated",
  "cleaned up",
  "purged",
  "escalated",
  "assigned",
  "cached",
  "monitored",
  "tracked",
  "reconciled",
  "migrated",
  "imported",
  "exported",
  "published",
  "scheduled",
  "retried",
  "deleted",
  "removed",
  "cancelled",
  "canceled",
  "charged",
  "billed",
  "refunded",
];

const participle = `(?:[a-z]+ed|${irregularParticiples.join("|")})`;
const modalPassive = new RegExp(
  `(?<![\\w-])(?:must|shall|should|will|would|could|may|might|needs?\\s+to|has\\s+to|have\\s+to|ought\\s+to)\\s+(?:(?:not|never|always|also|only|then|first)\\s+)*be\\s+(?:[a-z]+ly\\s+)?(${participle})(?:\\s+up)?(?![\\w-])`,
  "gi",
);
const presentPassive = new RegExp(
  `(?<![\\w-])(?:is|are|gets|get|was|were|been|being)\\s+(?:(?:not|never|always|also|only|then|first|automatically)\\s+)*(?:[a-z]+ly\\s+)?(${workflowParticiples.map((verb) => verb.replace(" ", "\\s+")).join("|")})(?![\\w-])`,
  "gi",
);
/** "by the payment provider" names an actor; "by email", "by date" name a means or an order. */
const agent =
  /(?<![\w-])by\s+(?!(?:default|date|name|id|hand|value|itself|themselves|email|e-mail|mail|post|sms|text|phone)\b)[\w‹]/i;

export function passiveWithoutActor(sentence: string): SentenceFinding[] {
  if (agent.test(sentence) || hasObservableOutcome(sentence)) return [];
  const found: SentenceFinding[] = [];
  for (const pattern of [modalPassive, presentPassive]) {
    for (const match of matchesOf(pattern, sentence)) {
      const verb = (match[1] ?? "").toLowerCase();
      if (answeringParticiples.has(verb)) continue;
      if (
        found.some((finding) => finding.text.includes(match[0]) || match[0].includes(finding.text))
      )
        continue;
      found.push({
        rule: "passive-without-actor",
        severity: "info",
        text: match[0],
        message: `"${match[0]}" says neither who does it nor what anyone can observe`,
        suggestion:
          "name who does it and what a caller sees: e.g. 'the service refuses an order without a customer with 400'",
      });
    }
  }
  return found;
}
