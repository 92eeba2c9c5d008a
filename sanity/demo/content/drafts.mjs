// Unpublished edits. Each DRAFT_REVISIONS entry becomes a `drafts.<published id>` document:
// the published article's fields, overridden by `changes`, with the body optionally
// extended (`prependBody` / `appendBody`) or replaced (`body`).
// DRAFT_ONLY entries exist only as drafts and have no published counterpart.

export const DRAFT_REVISIONS = [
  {
    of: 'caspian-ferry-corridor-doubles-capacity',
    editedAt: '2026-11-27T02:10:00Z',
    changes: {
      headline: 'Updated: Caspian ferry queues shorten in first week of new booking system',
      keyPoints: [
        'Average truck waiting time at Aktau fell from five days to under two in the first week',
        'New berths at Aktau and Alat lift annual ferry capacity to about 9 million tonnes',
        'Storm closures remain the main risk as winter approaches',
      ],
      updatedAt: '2026-11-27T02:10:00Z',
    },
    prependBody: [
      '**Latest:** Port officials in Aktau said on Thursday that the average wait for trucks had fallen to under two days in the first week of the shared booking system, down from about five. Drivers confirmed shorter queues but said some sailings were still overbooked.',
    ],
  },
  {
    of: 'copper-price-grid-demand',
    editedAt: '2026-10-24T05:30:00Z',
    changes: {
      headline: 'Updated: Copper hits two-year high as Chilean mine outage tightens supply',
      keyPoints: [
        'Copper rose to its highest level in two years after a landslide halted a large Chilean mine',
        'Prices are up more than 20 per cent since July',
        'Utilities are ordering record volumes of cable and transformers',
      ],
      updatedAt: '2026-10-24T05:30:00Z',
    },
    prependBody: [
      'Copper prices jumped to their highest level in two years on Thursday after a landslide forced the temporary closure of a large open-pit mine in northern Chile. The operator said no workers were injured and that it was assessing the damage.',
      '## Supply shock',
    ],
  },
  {
    of: 'mountain-marathon-course-record',
    editedAt: '2026-11-17T09:00:00Z',
    changes: {
      headline: 'Updated: Mountain marathon record confirmed after timing review',
      keyPoints: [
        'Officials confirmed the winning time of 3 hours 41 minutes after reviewing checkpoint data',
        'The previous record had stood for eight years',
        'Organisers will keep the earlier start time next year',
      ],
      updatedAt: '2026-11-17T09:00:00Z',
    },
    appendBody: [
      '## Record confirmed',
      'On Monday, race officials confirmed the record after reviewing data from the course’s checkpoints, which had briefly lost contact during the race because of the weather. They also said the earlier start would become permanent from next year.',
    ],
  },
  {
    // An edit in progress that does not validate yet: an image added before its upload
    // finished, and a byline role typed by hand. Preview must show it with a warning.
    of: 'battery-recycling-plant-opens',
    editedAt: '2026-11-28T09:00:00Z',
    changes: {
      headline: 'Updated: Battery recycling plant doubles its first-year target',
      keyPoints: ['The plant now expects to process 20,000 tonnes of spent cells in its first year', 'A second shredding line will open in the spring'],
      updatedAt: '2026-11-28T09:00:00Z',
    },
    invalid: (doc) => {
      doc.body.push({ _type: 'image', _key: 'pendingupload', alt: 'The new shredding line' })
      doc.bylines[0].role = 'writer'
    },
  },
]

export const DRAFT_ONLY = [
  {
    slug: 'embargoed-budget-leak',
    section: 'business',
    headline: 'EMBARGOED: Draft budget would trim fuel subsidies and fund rail upgrades, documents show',
    standfirst: 'Documents seen by the Ledger outline spending plans due to be announced next week. Not for publication before the finance minister’s speech.',
    keyPoints: [
      'Fuel subsidies would be cut by a fifth over two years',
      'Savings would fund rail upgrades and a rebate for low-income households',
      'Embargoed until the budget speech; do not publish early',
    ],
    tags: ['budget', 'public-finance', 'energy'],
    publishedAt: '2026-11-28T23:00:00Z',
    editedAt: '2026-11-28T15:45:00Z',
    bylines: [
      ['tomas-novak', 'author'],
      ['he-yuting', 'editor'],
    ],
    hero: {
      kind: 'bars',
      palette: 'saffron',
      alt: 'An abstract bar chart in amber and deep red with a teal line across the top',
      caption: 'The draft budget shifts spending from subsidies to infrastructure.',
    },
    body: [
      '**Editor’s note: embargoed until the budget speech. Do not publish before the minister stands up.**',
      'The government plans to cut fuel subsidies by about a fifth over the next two years and use the savings to fund rail upgrades and a cash rebate for low-income households, according to draft budget documents seen by the Ledger.',
      '## Where the money goes',
      'The documents show the largest single new spending item is a programme to double-track two freight rail lines, with smaller sums for bus fleet renewal and energy efficiency in public buildings.',
      'The rebate would be paid automatically to households that already receive income support, and would be designed to offset the higher fuel prices expected once subsidies are reduced.',
      '> The question is not whether subsidies are expensive. It is whether the people who lose them will believe the rebate is real. — an economist briefed on the plans',
      'The finance ministry declined to comment on the documents. TODO: add ministry response after the speech, and link to the [published budget](https://example.org/budget/2027).',
    ],
  },
]
