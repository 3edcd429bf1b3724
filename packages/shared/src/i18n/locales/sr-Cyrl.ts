// The sr-Cyrl catalogs, one JSON file per namespace (regenerate the imports when a namespace is added).

import type { LocaleResources } from '../catalog.ts'
import account from './sr-Cyrl/account.json' with { type: 'json' }
import assessments from './sr-Cyrl/assessments.json' with { type: 'json' }
import audit from './sr-Cyrl/audit.json' with { type: 'json' }
import auth from './sr-Cyrl/auth.json' with { type: 'json' }
import common from './sr-Cyrl/common.json' with { type: 'json' }
import countries from './sr-Cyrl/countries.json' with { type: 'json' }
import dashboards from './sr-Cyrl/dashboards.json' with { type: 'json' }
import discussion from './sr-Cyrl/discussion.json' with { type: 'json' }
import documents from './sr-Cyrl/documents.json' with { type: 'json' }
import enums from './sr-Cyrl/enums.json' with { type: 'json' }
import handbook from './sr-Cyrl/handbook.json' with { type: 'json' }
import home from './sr-Cyrl/home.json' with { type: 'json' }
import notifications from './sr-Cyrl/notifications.json' with { type: 'json' }
import people from './sr-Cyrl/people.json' with { type: 'json' }
import portal from './sr-Cyrl/portal.json' with { type: 'json' }
import recommendations from './sr-Cyrl/recommendations.json' with { type: 'json' }
import reports from './sr-Cyrl/reports.json' with { type: 'json' }
import review from './sr-Cyrl/review.json' with { type: 'json' }
import rounds from './sr-Cyrl/rounds.json' with { type: 'json' }

const catalogs: LocaleResources = {
  common,
  auth,
  home,
  account,
  countries,
  people,
  audit,
  handbook,
  rounds,
  assessments,
  recommendations,
  discussion,
  notifications,
  documents,
  reports,
  portal,
  dashboards,
  review,
  enums,
}
export default catalogs
