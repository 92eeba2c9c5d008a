/**
 * Dates as the newsroom shows them: in its time zone, with the offset written out
 * in the machine-readable form (2022-09-26T08:55+08:00).
 */
export type Dated = { datetime: string; label: string }

const FALLBACK_ZONE = 'UTC'

/**
 * Formatters are made once per locale, zone and options: making one loads ICU data and
 * costs far more than formatting (a listing of 20 cards made about 80, a tenth of its
 * render time). Few combinations exist: the site's zone and a handful of locales.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`
  let made = formatters.get(key)
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)))
  return made
}

function zoneOrUtc(timeZone: string | undefined): string {
  if (!timeZone) return FALLBACK_ZONE
  try {
    formatter('en', { timeZone })
    return timeZone
  } catch {
    return FALLBACK_ZONE
  }
}

function parts(date: Date, timeZone: string) {
  const formatted = formatter('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date)
  return Object.fromEntries(formatted.map((part) => [part.type, part.value])) as Record<Intl.DateTimeFormatPartTypes, string>
}

/** "GMT+08:00" → "+08:00"; plain "GMT" → "+00:00". */
const offsetOf = (zoneName: string) => zoneName.replace('GMT', '') || '+00:00'

export function formatDateTime(iso: string, timeZone?: string, locale = 'en-GB'): Dated {
  const date = new Date(iso)
  const zone = zoneOrUtc(timeZone)
  const p = parts(date, zone)
  const datetime = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}${offsetOf(p.timeZoneName)}`
  const label = formatter(locale, {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(date)
  return { datetime, label }
}

/** A date without the time, for listings: "26 September 2022". */
export function formatDate(iso: string, timeZone?: string, locale = 'en-GB'): Dated {
  const date = new Date(iso)
  const zone = zoneOrUtc(timeZone)
  const { datetime } = formatDateTime(iso, zone)
  const label = formatter(locale, { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }).format(date)
  return { datetime, label }
}

/**
 * A full timestamp with seconds and the zone's offset, 2022-09-26T08:55:00+08:00: the W3C
 * datetime form that sitemaps (xsd:dateTime, which needs the seconds) and Google News expect.
 */
export function w3cDateTime(iso: string, timeZone?: string): string {
  const formatted = formatter('en-GB', {
    timeZone: zoneOrUtc(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(iso))
  const p = Object.fromEntries(formatted.map((part) => [part.type, part.value])) as Record<Intl.DateTimeFormatPartTypes, string>
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetOf(p.timeZoneName)}`
}
