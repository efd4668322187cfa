/**
 * The budget day: which day an instant belongs to, and when that day starts and ends, in the configured
 * time zone with the configured start (06:00 means the day runs from 06:00 to 06:00 the next morning,
 * local time). Days are named by the calendar date on which they start: "2026-11-24". A day in which
 * clocks change lasts 23 or 25 hours; a start inside the skipped hour of a spring-forward night moves
 * by that hour.
 */
import { InvalidArgumentError } from "../contracts/errors.js";

export interface DayBoundary {
  timeZone: string;
  /** HH:MM, local time. */
  dayStart: string;
}

export interface BudgetDay {
  /** YYYY-MM-DD: the local date on which the day starts. */
  key: string;
  start: Date;
  /** The start of the next day (exclusive). */
  end: Date;
}

const dayKeyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayStartPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const millisecondsPerMinute = 60_000;

export function budgetDayOf(instant: Date, boundary: DayBoundary): BudgetDay {
  const startMinutes = dayStartMinutes(boundary.dayStart);
  const local = localParts(instant, boundary.timeZone);
  const localMinutes = local.hour * 60 + local.minute;
  const date = Date.UTC(
    local.year,
    local.month - 1,
    local.day - (localMinutes < startMinutes ? 1 : 0),
  );
  return budgetDayByKey(keyOfUtcDate(date), boundary);
}

export function budgetDayByKey(key: string, boundary: DayBoundary): BudgetDay {
  const match = dayKeyPattern.exec(key);
  const date = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : Number.NaN;
  if (!match || Number.isNaN(date) || keyOfUtcDate(date) !== key) {
    throw new InvalidArgumentError(`"${key}" is not a date such as 2026-11-24`, "date");
  }
  const startMinutes = dayStartMinutes(boundary.dayStart);
  return {
    key,
    start: localTimeToInstant(date, startMinutes, boundary.timeZone),
    end: localTimeToInstant(date + 86_400_000, startMinutes, boundary.timeZone),
  };
}

/** The key of the day `count` days after (or before, if negative) the given one. */
export function addDays(key: string, count: number): string {
  const match = dayKeyPattern.exec(key);
  if (!match) throw new InvalidArgumentError(`"${key}" is not a date such as 2026-11-24`, "date");
  return keyOfUtcDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + count));
}

export function dayStartMinutes(dayStart: string): number {
  const match = dayStartPattern.exec(dayStart);
  if (!match) {
    throw new InvalidArgumentError(`"${dayStart}" is not a time of day such as 06:00`, "dayStart");
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

export function checkTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new InvalidArgumentError(
      `"${timeZone}" is not an IANA time zone such as UTC or Europe/Paris`,
      "timeZone",
    );
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  const local = localParts(new Date(wholeSecond), timeZone);
  const asUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return Math.round((asUtc - wholeSecond) / millisecondsPerMinute);
}

/** The instant at which the local clock in the zone shows `minutes` after midnight of the UTC date. */
function localTimeToInstant(utcDate: number, minutes: number, timeZone: string): Date {
  const wallClock = utcDate + minutes * millisecondsPerMinute;
  const firstGuess = wallClock - offsetMinutes(wallClock, timeZone) * millisecondsPerMinute;
  const secondOffset = offsetMinutes(firstGuess, timeZone);
  return new Date(wallClock - secondOffset * millisecondsPerMinute);
}

function keyOfUtcDate(date: number): string {
  return new Date(date).toISOString().slice(0, 10);
}
