// The sq catalogs, one JSON file per namespace (regenerate the imports when a namespace is added).

import type { LocaleResources } from '../catalog.ts'
import account from './sq/account.json' with { type: 'json' }
import assessments from './sq/assessments.json' with { type: 'json' }
import audit from './sq/audit.json' with { type: 'json' }
import auth from './sq/auth.json' with { type: 'json' }
import common from './sq/common.json' with { type: 'json' }
import countries from './sq/countries.json' with { type: 'json' }
import dashboards from './sq/dashboards.json' with { type: 'json' }
import discussion from './sq/discussion.json' with { type: 'json' }
import documents from './sq/documents.json' with { type: 'json' }
import enums from './sq/enums.json' with { type: 'json' }
import handbook from './sq/handbook.json' with { type: 'json' }
import home from './sq/home.json' with { type: 'json' }
import notifications from './sq/notifications.json' with { type: 'json' }
import people from './sq/people.json' with { type: 'json' }
import portal from './sq/portal.json' with { type: 'json' }
import recommendations from './sq/recommendations.json' with { type: 'json' }
import reports from './sq/reports.json' with { type: 'json' }
import review from './sq/review.json' with { type: 'json' }
import rounds from './sq/rounds.json' with { type: 'json' }

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
