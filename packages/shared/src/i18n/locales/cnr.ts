// The cnr catalogs, one JSON file per namespace (regenerate the imports when a namespace is added).

import type { LocaleResources } from '../catalog.ts'
import account from './cnr/account.json' with { type: 'json' }
import assessments from './cnr/assessments.json' with { type: 'json' }
import audit from './cnr/audit.json' with { type: 'json' }
import auth from './cnr/auth.json' with { type: 'json' }
import common from './cnr/common.json' with { type: 'json' }
import countries from './cnr/countries.json' with { type: 'json' }
import dashboards from './cnr/dashboards.json' with { type: 'json' }
import discussion from './cnr/discussion.json' with { type: 'json' }
import documents from './cnr/documents.json' with { type: 'json' }
import enums from './cnr/enums.json' with { type: 'json' }
import handbook from './cnr/handbook.json' with { type: 'json' }
import home from './cnr/home.json' with { type: 'json' }
import notifications from './cnr/notifications.json' with { type: 'json' }
import people from './cnr/people.json' with { type: 'json' }
import portal from './cnr/portal.json' with { type: 'json' }
import recommendations from './cnr/recommendations.json' with { type: 'json' }
import reports from './cnr/reports.json' with { type: 'json' }
import review from './cnr/review.json' with { type: 'json' }
import rounds from './cnr/rounds.json' with { type: 'json' }

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
