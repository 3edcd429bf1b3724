// The bs catalogs, one JSON file per namespace (regenerate the imports when a namespace is added).

import type { LocaleResources } from '../catalog.ts'
import account from './bs/account.json' with { type: 'json' }
import assessments from './bs/assessments.json' with { type: 'json' }
import audit from './bs/audit.json' with { type: 'json' }
import auth from './bs/auth.json' with { type: 'json' }
import common from './bs/common.json' with { type: 'json' }
import countries from './bs/countries.json' with { type: 'json' }
import dashboards from './bs/dashboards.json' with { type: 'json' }
import discussion from './bs/discussion.json' with { type: 'json' }
import documents from './bs/documents.json' with { type: 'json' }
import enums from './bs/enums.json' with { type: 'json' }
import handbook from './bs/handbook.json' with { type: 'json' }
import home from './bs/home.json' with { type: 'json' }
import notifications from './bs/notifications.json' with { type: 'json' }
import people from './bs/people.json' with { type: 'json' }
import portal from './bs/portal.json' with { type: 'json' }
import recommendations from './bs/recommendations.json' with { type: 'json' }
import reports from './bs/reports.json' with { type: 'json' }
import review from './bs/review.json' with { type: 'json' }
import rounds from './bs/rounds.json' with { type: 'json' }

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
