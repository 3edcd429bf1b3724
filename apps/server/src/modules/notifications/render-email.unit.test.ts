import { LOCALES, NOTIFICATION_KINDS, type NotificationKind } from '@thbm/shared'
import { describe, expect, it } from 'vitest'
import { type EmailFacts, renderEmail } from './render-email.ts'

const BASE_URL = 'https://monitor.example.test'
const ROUND_ID = '01900000-0000-7000-8000-000000000001'

const facts = (kind: NotificationKind, overrides: Partial<EmailFacts> = {}): EmailFacts => ({
  kind,
  roundId: ROUND_ID,
  roundName: 'Monitoring 2026',
  countryCode: 'RS',
  indicatorCode: 'IDN-1',
  organisationName: 'Safe House',
  actorName: 'Lena Lead',
  role: 'provider',
  comment: kind === 'answer_returned' || kind === 'comment' ? 'Attach the SOPs' : null,
  dueOn: kind === 'assignment' || kind === 'deadline' ? '2026-06-30' : null,
  ...overrides,
})

const LINK = `${BASE_URL}/rounds/${ROUND_ID}/countries/RS/indicators/IDN-1`

describe('renderEmail', () => {
  for (const locale of LOCALES) {
    it.each(NOTIFICATION_KINDS)(`renders %s in ${locale} with every placeholder filled and the link`, (kind) => {
      const mail = renderEmail(facts(kind), locale, BASE_URL)
      expect(mail.subject).not.toMatch(/[{}]/)
      expect(mail.text).not.toMatch(/[{}]/)
      expect(mail.subject).toContain('IDN-1')
      expect(mail.subject).toContain('Monitoring 2026')
      expect(mail.text).toContain(LINK)
      expect(mail.text).toContain('(RS)')
      if (kind !== 'deadline') expect(mail.text).toContain('Lena Lead')
      if (kind === 'answer_returned' || kind === 'comment') expect(mail.text).toContain('Attach the SOPs')
      if (kind === 'assignment' || kind === 'deadline') expect(mail.text).toContain('2026-06-30')
      // The due date is in the sentence of a reminder, so it is not repeated on a line of its own.
      expect(mail.text.split('2026-06-30').length - 1).toBe(kind === 'assignment' || kind === 'deadline' ? 1 : 0)
    })
  }

  it('writes the English e-mail of an assignment', () => {
    expect(renderEmail(facts('assignment'), 'en', BASE_URL)).toEqual({
      subject: 'THB Monitor: IDN-1 assigned (Monitoring 2026)',
      text: [
        'Lena Lead asked Safe House to answer IDN-1 in Monitoring 2026 (RS).',
        '',
        'Due date: 2026-06-30',
        '',
        `Open it in THB Monitor: ${LINK}`,
        '',
        '--',
        'You receive this e-mail because you take part in a monitoring round in THB Monitor. Reply to your country lead, not to this address.',
      ].join('\n'),
    })
  })

  it('writes Serbian in Cyrillic and in Latin script', () => {
    const cyrillic = renderEmail(facts('answer_returned'), 'sr-Cyrl', BASE_URL)
    expect(cyrillic.subject).toBe('THB Monitor: враћен одговор на IDN-1 (Monitoring 2026)')
    expect(cyrillic.text).toContain('Lena Lead је вратио одговор организације Safe House на IDN-1')
    expect(cyrillic.text).toContain('Коментар: Attach the SOPs')
    expect(cyrillic.text).toContain(`Отворите у апликацији THB Monitor: ${LINK}`)
    const latin = renderEmail(facts('answer_returned'), 'sr-Latn', BASE_URL)
    expect(latin.subject).toBe('THB Monitor: vraćen odgovor na IDN-1 (Monitoring 2026)')
    expect(latin.text).toContain('Komentar: Attach the SOPs')
  })

  it('asks an expert to assess, names a system reminder without an actor, and leaves the link without an indicator', () => {
    expect(renderEmail(facts('assignment', { role: 'expert', organisationName: null }), 'en', BASE_URL).text).toMatch(
      /^Lena Lead asked you to assess IDN-1 in Monitoring 2026 \(RS\)\./,
    )
    expect(renderEmail(facts('comment', { actorName: null }), 'sr-Cyrl', BASE_URL).text).toMatch(
      /^Неко је коментарисао/,
    )
    const noIndicator = renderEmail(facts('comment', { indicatorCode: null }), 'en', BASE_URL)
    expect(noIndicator.text).toContain(`${BASE_URL}/rounds/${ROUND_ID}/countries/RS\n`)
  })

  it("writes a lead's reminder with the personal note and the due date, in the reader's language", () => {
    const reminder = facts('reminder', { comment: 'Please answer by Friday', dueOn: '2026-06-30' })
    expect(renderEmail(reminder, 'en', BASE_URL)).toEqual({
      subject: 'THB Monitor: reminder about IDN-1 (Monitoring 2026)',
      text: [
        'Lena Lead reminds you that the answer of Safe House to IDN-1 in Monitoring 2026 (RS) is not submitted yet.',
        '',
        'Message from Lena Lead: Please answer by Friday',
        '',
        'Due date: 2026-06-30',
        '',
        `Open it in THB Monitor: ${LINK}`,
        '',
        '--',
        'You receive this e-mail because you take part in a monitoring round in THB Monitor. Reply to your country lead, not to this address.',
      ].join('\n'),
    })
    const albanian = renderEmail({ ...reminder, role: 'expert' }, 'sq', BASE_URL)
    expect(albanian.subject).toBe('THB Monitor: kujtesë për IDN-1 (Monitoring 2026)')
    expect(albanian.text).toMatch(/^Lena Lead ju kujton të vlerësoni IDN-1/)
    expect(albanian.text).toContain('Mesazh nga Lena Lead: Please answer by Friday')
  })

  it('keeps braces and quotes a person typed as they are', () => {
    const comment = "Use {the} 'official' figure"
    const mail = renderEmail(facts('answer_returned', { comment, roundName: "Round {x} 'A'" }), 'en', BASE_URL)
    expect(mail.text).toContain(`Comment: ${comment}`)
    expect(mail.subject).toBe("THB Monitor: answer to IDN-1 returned (Round {x} 'A')")
  })
})
