// Every text of the page, in English and Korean. Nothing else in the page holds a user-facing string.
const DICTIONARY = {
  en: {
    'app.title': 'DamageDesk admin',
    'nav.queue': 'Queue', 'nav.dashboard': 'Dashboard', 'nav.bulk': 'Bulk actions', 'nav.incidents': 'Incidents',
    'nav.exports': 'Export', 'nav.signOut': 'Sign out',
    'who': '{username} ({role})',
    'role.viewer': 'viewer', 'role.reviewer': 'reviewer', 'role.supervisor': 'supervisor',
    'signIn.title': 'Staff sign-in', 'signIn.username': 'Email', 'signIn.password': 'Password',
    'signIn.submit': 'Sign in', 'signIn.busy': 'Signing in…',
    'signIn.failed': 'Sign-in failed: wrong email or password.',
    'signIn.unreachable': 'The sign-in service cannot be reached. Try again.',
    'signIn.challenge': 'This account needs a step this page does not support ({challenge}). Ask a supervisor.',
    'signIn.expired': 'Your session has expired. Please sign in again.',
    'signIn.refused': 'The server refused your sign-in token. Please sign in again.',
    'signIn.signedOut': 'You have signed out.',
    'signIn.noRole': 'Your account has no staff role (viewer, reviewer or supervisor). Ask a supervisor.',
    'config.failed': 'The page configuration (config.json) could not be loaded.',
    'common.loading': 'Loading…', 'common.none': '—', 'common.yes': 'yes', 'common.no': 'no',
    'common.reload': 'Reload', 'common.cancel': 'Cancel', 'common.refresh': 'Refresh', 'common.apply': 'Apply',
    'common.reset': 'Reset', 'common.krw': '{amount} KRW', 'common.minutes': '{minutes} min',
    'error.generic': 'The request failed ({status}).', 'error.network': 'The admin API cannot be reached.',
    'error.forbidden': 'Your role may not do this.',
    'error.stale': 'Someone else changed this report while you were looking at it. Reload it and try again.',
    'filter.status': 'Status', 'filter.incident': 'Incident', 'filter.service': 'Service', 'filter.category': 'Category',
    'filter.from': 'Received from', 'filter.to': 'Received to', 'filter.reason': 'Triage reason',
    'filter.flag': 'Risk flag', 'filter.order': 'Order', 'filter.any': 'any',
    'order.oldest': 'oldest first', 'order.priority': 'highest priority first',
    'queue.title': 'Queue', 'queue.counts': 'Reports by status', 'queue.shown': '{count} reports on this page',
    'queue.empty': 'No reports match this filter.', 'queue.next': 'Next page', 'queue.previous': 'Previous page',
    'queue.first': 'First page', 'queue.page': 'Page {page}',
    'queue.lookup': 'Find', 'queue.lookupId': 'Report id', 'queue.lookupEmail': 'Reporter email',
    'queue.lookupPhone': 'Reporter phone', 'queue.open': 'Open', 'queue.search': 'Search',
    'queue.searchResults': 'Reports of this reporter', 'queue.shortcutHint': 'Shortcuts: f filter, n next page, p previous page, / find',
    'col.report': 'Report', 'col.received': 'Received', 'col.status': 'Status', 'col.incident': 'Incident',
    'col.service': 'Service', 'col.category': 'Category', 'col.reporterType': 'Reporter', 'col.claimed': 'Claimed',
    'col.decision': 'Decision', 'col.reason': 'Triage', 'col.flags': 'Flags', 'col.priority': 'Priority',
    'col.version': 'Version',
    'detail.back': 'Back to the queue', 'detail.title': 'Report {id}', 'detail.summary': 'Summary',
    'detail.submission': 'Submission', 'detail.name': 'Name', 'detail.email': 'Email', 'detail.phone': 'Phone',
    'detail.accountRef': 'Account', 'detail.locale': 'Language', 'detail.occurred': 'Outage experienced',
    'detail.description': 'Description', 'detail.decision': 'Decision', 'detail.outcome': 'Outcome',
    'detail.rule': 'Rule', 'detail.policyVersion': 'Policy version', 'detail.amount': 'Amount',
    'detail.extension': 'Extension', 'detail.explanation': 'Explanation', 'detail.eligible': 'Eligible outage',
    'detail.cancellation': 'Cancellation right', 'detail.documentsRequired': 'Documents required',
    'detail.flags': 'Triage and flags', 'detail.documentRequest': 'Document request',
    'detail.deadline': 'Deadline', 'detail.requestedAt': 'Requested', 'detail.duplicates': 'Duplicates',
    'detail.duplicateOf': 'Duplicate of', 'detail.noDuplicates': 'No linked reports.',
    'detail.audit': 'Audit trail', 'detail.chainIntact': 'Chain intact: every entry carries the previous entry\'s hash.',
    'detail.chainBroken': 'Chain broken at entry {sequence}: {problem}',
    'detail.actions': 'Actions', 'detail.noActions': 'Your role may take no action on this report now.',
    'detail.shortcuts': 'Keyboard shortcuts',
    'audit.sequence': '#', 'audit.at': 'When', 'audit.actor': 'Who', 'audit.action': 'What',
    'audit.change': 'Before → after', 'audit.reason': 'Reason',
    'action.approve': 'Approve', 'action.adjust': 'Adjust amount', 'action.reject': 'Reject',
    'action.request-documents': 'Request documents', 'action.mark-duplicate': 'Mark duplicate',
    'action.unmark-duplicate': 'Unmark duplicate', 'action.reopen': 'Reopen',
    'form.amountKrw': 'Amount (KRW)', 'form.reason': 'Reason', 'form.whatIsNeeded': 'What is needed',
    'form.deadline': 'Deadline', 'form.duplicateOf': 'Report id of the first report',
    'form.submit': 'Confirm: {action}', 'form.done': 'Done: {action}. The report is now {status}.',
    'form.required': 'Required.',
    'bulk.title': 'Bulk actions', 'bulk.intro': 'Choose a filter and an action. A dry run first tells how many reports and how much money; nothing changes until you confirm.',
    'bulk.action': 'Action', 'bulk.dryRun': 'Dry run', 'bulk.dryRunResult': 'This would {action} {reports} reports, {amount} KRW in total.',
    'bulk.confirm': 'Confirm and run', 'bulk.started': 'Job {jobId} started.', 'bulk.nothing': 'No report matches this filter.',
    'job.progress': '{processed} of {total} processed, {failed} failed', 'job.status.RUNNING': 'running',
    'job.status.DONE': 'done', 'job.status.FAILED': 'failed', 'job.status': 'Status: {status}',
    'export.title': 'Export', 'export.intro': 'Exports the reports of a filter as CSV (UTF-8 with BOM: Excel opens Korean text correctly).',
    'export.personal': 'Include personal data (name, email, phone, account)', 'export.start': 'Start export',
    'export.download': 'Download CSV', 'export.started': 'Export job {jobId} started.',
    'incidents.title': 'Incidents', 'incidents.id': 'Incident', 'incidents.empty': 'No incidents.',
    'incidents.ledger': 'Outage ledger', 'incidents.import': 'Import ledger', 'incidents.imported': 'Ledger imported.',
    'incidents.newId': 'Incident id to import', 'incidents.policies': 'Policy versions', 'incidents.active': 'active',
    'incidents.policyDocument': 'Policy document (JSON)', 'incidents.validate': 'Validate',
    'incidents.publish': 'Publish', 'incidents.valid': 'The policy document is valid.',
    'incidents.published': 'Published; re-scoring has started.', 'incidents.badJson': 'This is not valid JSON: {message}',
    'incidents.open': 'Open', 'incidents.version': 'Version',
    'detected.title': 'Detected incidents', 'detected.empty': 'No sharp rise of reports has been detected.',
    'detected.id': 'Detected incident', 'detected.state': 'State', 'detected.services': 'Services',
    'detected.firstSeen': 'First seen', 'detected.counts': 'Reports per minute', 'detected.confirm': 'Confirm',
    'detected.dismiss': 'Dismiss', 'detected.state.DRAFT': 'draft', 'detected.state.CONFIRMED': 'confirmed',
    'detected.state.DISMISSED': 'dismissed', 'detected.confirmed': '{id} confirmed; policy {policy} is active. The outage was shorter than 2 hours: no outage notice.',
    'detected.confirmedNotified': '{id} confirmed; policy {policy} is active. Outage notices are being sent.',
    'detected.dismissed': '{id} dismissed.',
    'operations.title': 'Operations trail', 'operations.empty': 'No surge switch or incident decision has been recorded yet.',
    'operations.intact': 'The {count} entries shown link up as an unbroken chain.',
    'operations.broken': 'The chain is broken at entry {sequence} ({problem}).',
    'operations.at': 'When', 'operations.action': 'What', 'operations.actor': 'By', 'operations.detail': 'Detail',
    'operations.action.SURGE_ON': 'surge mode on', 'operations.action.SURGE_OFF': 'surge mode off',
    'operations.action.DETECTED_INCIDENT_CONFIRMED': 'detected incident confirmed',
    'operations.action.DETECTED_INCIDENT_DISMISSED': 'detected incident dismissed',
    'dashboard.detected': 'Detected incident', 'dashboard.detectedText': '{id}: reports for {services} rose sharply from {since} ({state}).',
    'dashboard.detectedOpen': 'Review it on the incidents screen',
    'dashboard.title': 'Dashboard', 'dashboard.incident': 'Incident', 'dashboard.perMinute': 'Reports per minute (last 60 min)',
    'dashboard.perHour': 'Reports per hour (last 48 h)', 'dashboard.queues': 'Queues',
    'dashboard.depth': 'Messages waiting', 'dashboard.age': 'Age of the oldest message (s)',
    'dashboard.byStatus': 'Reports by status', 'dashboard.byReason': 'Reports by triage reason',
    'dashboard.byRule': 'Money by rule (KRW)', 'dashboard.deadLetters': 'Dead letters', 'dashboard.queue': 'Queue',
    'surge.title': 'Surge mode', 'surge.modeSurge': 'Surge', 'surge.modeNormal': 'Normal', 'surge.since': 'since {time}',
    'surge.expected': 'expected processing about {minutes} min', 'surge.at': 'When', 'surge.to': 'Switched to',
    'surge.reason': 'Why', 'surge.backlog': 'Backlog', 'surge.arrivals': 'Arrivals/min', 'surge.drain': 'Processed/min',
    'surge.concurrency': 'Processor concurrency', 'surge.noSwitches': 'No switch in the last 48 hours.',
    'dashboard.count': 'Count', 'dashboard.noData': 'No data yet.', 'dashboard.ageUnknown': 'Not known here: the age of the oldest message is a CloudWatch metric.', 'dashboard.updated': 'Updated {time}',
    'shortcut.approve': 'a — approve', 'shortcut.adjust': 'j — adjust amount', 'shortcut.reject': 'r — reject',
    'shortcut.request-documents': 'd — request documents', 'shortcut.mark-duplicate': 'm — mark duplicate',
    'shortcut.unmark-duplicate': 'u — unmark duplicate', 'shortcut.reopen': 'o — reopen',
    'shortcut.back': 'b or Escape — back to the queue',
    'status.RECEIVED': 'received', 'status.SCORED': 'scored', 'status.AUTO_APPROVED': 'auto-approved',
    'status.NEEDS_REVIEW': 'needs review', 'status.NEEDS_DOCUMENTS': 'needs documents', 'status.APPROVED': 'approved',
    'status.REJECTED': 'rejected', 'status.PAID': 'paid', 'status.DISPUTED': 'disputed',
    'category.paid-subscription': 'paid subscription', 'category.failed-purchase': 'failed purchase',
    'category.free-service-money-lost': 'money lost on a free service', 'category.business-loss': 'business loss',
    'category.no-monetary-damage': 'no monetary damage',
    'reason.auto-approved': 'auto-approved', 'reason.manual-review': 'manual review', 'reason.documents-required': 'documents required',
    'reason.risk-flagged': 'risk flagged', 'reason.duplicate': 'duplicate', 'reason.audit-sample': 'audit sample',
    'flag.outlier-amount': 'outlier amount', 'flag.many-reports-from-contact': 'many reports from one contact',
    'flag.window-contradicts-ledger': 'window contradicts the ledger',
    'outcome.EXTENSION': 'extension', 'outcome.PAYMENT': 'payment', 'outcome.MANUAL_REVIEW': 'manual review', 'outcome.NO_PAYMENT': 'no payment',
    'reporterType.individual': 'individual', 'reporterType.small-business': 'small business', 'reporterType.mid-large-business': 'mid/large business',
    'audit.action.SCORED': 'scored', 'audit.action.RESCORED': 're-scored', 'audit.action.FLAGGED': 'flagged by a new policy',
    'audit.action.APPROVED': 'approved', 'audit.action.AMOUNT_ADJUSTED': 'amount adjusted', 'audit.action.REJECTED': 'rejected',
    'audit.action.DOCUMENTS_REQUESTED': 'documents requested', 'audit.action.DOCUMENTS_OVERDUE': 'documents overdue',
    'audit.action.MARKED_DUPLICATE': 'marked duplicate', 'audit.action.UNMARKED_DUPLICATE': 'unmarked duplicate',
    'audit.action.REOPENED': 'reopened', 'audit.action.REDRIVEN': 'redriven',
    'audit.action.PERSONAL_DATA_ERASED': 'personal data erased',
    'job.skipped': '{skipped} skipped',
  },
  ko: {
    'app.title': 'DamageDesk 관리',
    'nav.queue': '검토 대기열', 'nav.dashboard': '대시보드', 'nav.bulk': '일괄 처리', 'nav.incidents': '장애',
    'nav.exports': '내보내기', 'nav.signOut': '로그아웃',
    'who': '{username} ({role})',
    'role.viewer': '조회자', 'role.reviewer': '심사자', 'role.supervisor': '책임자',
    'signIn.title': '직원 로그인', 'signIn.username': '이메일', 'signIn.password': '비밀번호',
    'signIn.submit': '로그인', 'signIn.busy': '로그인 중…',
    'signIn.failed': '로그인 실패: 이메일 또는 비밀번호가 틀립니다.',
    'signIn.unreachable': '로그인 서비스에 연결할 수 없습니다. 다시 시도하세요.',
    'signIn.challenge': '이 계정은 이 페이지가 지원하지 않는 단계가 필요합니다({challenge}). 책임자에게 문의하세요.',
    'signIn.expired': '세션이 만료되었습니다. 다시 로그인하세요.',
    'signIn.refused': '서버가 로그인 토큰을 거부했습니다. 다시 로그인하세요.',
    'signIn.signedOut': '로그아웃했습니다.',
    'signIn.noRole': '이 계정에는 직원 역할(조회자, 심사자, 책임자)이 없습니다. 책임자에게 문의하세요.',
    'config.failed': '페이지 설정(config.json)을 불러오지 못했습니다.',
    'common.loading': '불러오는 중…', 'common.none': '—', 'common.yes': '예', 'common.no': '아니요',
    'common.reload': '새로 고침', 'common.cancel': '취소', 'common.refresh': '새로 고침', 'common.apply': '적용',
    'common.reset': '초기화', 'common.krw': '{amount}원', 'common.minutes': '{minutes}분',
    'error.generic': '요청이 실패했습니다({status}).', 'error.network': '관리 API에 연결할 수 없습니다.',
    'error.forbidden': '이 역할로는 할 수 없는 작업입니다.',
    'error.stale': '보고 있는 동안 다른 사람이 이 신고를 변경했습니다. 새로 고친 뒤 다시 시도하세요.',
    'filter.status': '상태', 'filter.incident': '장애', 'filter.service': '서비스', 'filter.category': '유형',
    'filter.from': '접수 시작', 'filter.to': '접수 끝', 'filter.reason': '분류 사유',
    'filter.flag': '위험 표시', 'filter.order': '정렬', 'filter.any': '전체',
    'order.oldest': '오래된 순', 'order.priority': '우선순위 높은 순',
    'queue.title': '검토 대기열', 'queue.counts': '상태별 신고 수', 'queue.shown': '이 페이지에 신고 {count}건',
    'queue.empty': '이 조건에 맞는 신고가 없습니다.', 'queue.next': '다음 페이지', 'queue.previous': '이전 페이지',
    'queue.first': '첫 페이지', 'queue.page': '{page}쪽',
    'queue.lookup': '찾기', 'queue.lookupId': '신고 번호', 'queue.lookupEmail': '신고인 이메일',
    'queue.lookupPhone': '신고인 전화번호', 'queue.open': '열기', 'queue.search': '검색',
    'queue.searchResults': '이 신고인의 신고', 'queue.shortcutHint': '단축키: f 필터, n 다음 페이지, p 이전 페이지, / 찾기',
    'col.report': '신고', 'col.received': '접수', 'col.status': '상태', 'col.incident': '장애',
    'col.service': '서비스', 'col.category': '유형', 'col.reporterType': '신고인', 'col.claimed': '청구액',
    'col.decision': '결정', 'col.reason': '분류', 'col.flags': '표시', 'col.priority': '우선순위',
    'col.version': '버전',
    'detail.back': '대기열로 돌아가기', 'detail.title': '신고 {id}', 'detail.summary': '요약',
    'detail.submission': '신고 내용', 'detail.name': '이름', 'detail.email': '이메일', 'detail.phone': '전화번호',
    'detail.accountRef': '계정', 'detail.locale': '언어', 'detail.occurred': '장애 경험 시간',
    'detail.description': '설명', 'detail.decision': '결정', 'detail.outcome': '결과',
    'detail.rule': '규칙', 'detail.policyVersion': '정책 버전', 'detail.amount': '금액',
    'detail.extension': '연장', 'detail.explanation': '설명', 'detail.eligible': '인정 장애 시간',
    'detail.cancellation': '해지권', 'detail.documentsRequired': '서류 필요',
    'detail.flags': '분류와 표시', 'detail.documentRequest': '서류 요청',
    'detail.deadline': '기한', 'detail.requestedAt': '요청 시각', 'detail.duplicates': '중복 신고',
    'detail.duplicateOf': '원 신고', 'detail.noDuplicates': '연결된 신고가 없습니다.',
    'detail.audit': '감사 기록', 'detail.chainIntact': '기록 사슬 정상: 모든 항목이 이전 항목의 해시를 담고 있습니다.',
    'detail.chainBroken': '{sequence}번 항목에서 사슬이 끊어졌습니다: {problem}',
    'detail.actions': '처리', 'detail.noActions': '지금 이 역할로 이 신고에 할 수 있는 처리가 없습니다.',
    'detail.shortcuts': '단축키',
    'audit.sequence': '#', 'audit.at': '시각', 'audit.actor': '처리자', 'audit.action': '내용',
    'audit.change': '이전 → 이후', 'audit.reason': '사유',
    'action.approve': '승인', 'action.adjust': '금액 조정', 'action.reject': '거절',
    'action.request-documents': '서류 요청', 'action.mark-duplicate': '중복 표시',
    'action.unmark-duplicate': '중복 해제', 'action.reopen': '다시 열기',
    'form.amountKrw': '금액(원)', 'form.reason': '사유', 'form.whatIsNeeded': '필요한 서류',
    'form.deadline': '기한', 'form.duplicateOf': '원 신고 번호',
    'form.submit': '확인: {action}', 'form.done': '완료: {action}. 신고 상태는 이제 {status}입니다.',
    'form.required': '필수 항목입니다.',
    'bulk.title': '일괄 처리', 'bulk.intro': '조건과 처리를 고르세요. 먼저 모의 실행으로 신고 수와 금액을 확인하며, 확인하기 전에는 아무것도 바뀌지 않습니다.',
    'bulk.action': '처리', 'bulk.dryRun': '모의 실행', 'bulk.dryRunResult': '신고 {reports}건, 총 {amount}원을 {action} 처리합니다.',
    'bulk.confirm': '확인하고 실행', 'bulk.started': '작업 {jobId}을(를) 시작했습니다.', 'bulk.nothing': '이 조건에 맞는 신고가 없습니다.',
    'job.progress': '{total}건 중 {processed}건 처리, {failed}건 실패', 'job.status.RUNNING': '진행 중',
    'job.status.DONE': '완료', 'job.status.FAILED': '실패', 'job.status': '상태: {status}',
    'export.title': '내보내기', 'export.intro': '조건에 맞는 신고를 CSV로 내보냅니다(BOM이 있는 UTF-8: 엑셀에서 한글이 깨지지 않습니다).',
    'export.personal': '개인정보 포함(이름, 이메일, 전화번호, 계정)', 'export.start': '내보내기 시작',
    'export.download': 'CSV 내려받기', 'export.started': '내보내기 작업 {jobId}을(를) 시작했습니다.',
    'incidents.title': '장애', 'incidents.id': '장애', 'incidents.empty': '장애가 없습니다.',
    'incidents.ledger': '장애 기록부', 'incidents.import': '기록부 가져오기', 'incidents.imported': '기록부를 가져왔습니다.',
    'incidents.newId': '가져올 장애 번호', 'incidents.policies': '정책 버전', 'incidents.active': '사용 중',
    'incidents.policyDocument': '정책 문서(JSON)', 'incidents.validate': '검증',
    'incidents.publish': '게시', 'incidents.valid': '정책 문서가 유효합니다.',
    'incidents.published': '게시했습니다. 재심사가 시작되었습니다.', 'incidents.badJson': '올바른 JSON이 아닙니다: {message}',
    'incidents.open': '열기', 'incidents.version': '버전',
    'detected.title': '감지된 장애', 'detected.empty': '신고 급증이 감지되지 않았습니다.',
    'detected.id': '감지된 장애', 'detected.state': '상태', 'detected.services': '서비스',
    'detected.firstSeen': '처음 감지', 'detected.counts': '분당 신고 수', 'detected.confirm': '확정',
    'detected.dismiss': '기각', 'detected.state.DRAFT': '초안', 'detected.state.CONFIRMED': '확정',
    'detected.state.DISMISSED': '기각', 'detected.confirmed': '{id}을(를) 확정했습니다. 정책 {policy}이(가) 적용됩니다. 장애가 2시간 미만이어서 장애 안내는 보내지 않습니다.',
    'detected.confirmedNotified': '{id}을(를) 확정했습니다. 정책 {policy}이(가) 적용됩니다. 장애 안내 메일을 보내는 중입니다.',
    'detected.dismissed': '{id}을(를) 기각했습니다.',
    'operations.title': '운영 기록', 'operations.empty': '아직 기록된 급증 전환이나 장애 결정이 없습니다.',
    'operations.intact': '표시된 {count}개 기록이 끊김 없는 체인으로 이어집니다.',
    'operations.broken': '체인이 {sequence}번 기록에서 끊어졌습니다 ({problem}).',
    'operations.at': '시각', 'operations.action': '내용', 'operations.actor': '수행자', 'operations.detail': '세부 정보',
    'operations.action.SURGE_ON': '급증 모드 시작', 'operations.action.SURGE_OFF': '급증 모드 종료',
    'operations.action.DETECTED_INCIDENT_CONFIRMED': '감지된 장애 확정',
    'operations.action.DETECTED_INCIDENT_DISMISSED': '감지된 장애 기각',
    'dashboard.detected': '감지된 장애', 'dashboard.detectedText': '{id}: {since}부터 {services} 신고가 급증했습니다 ({state}).',
    'dashboard.detectedOpen': '장애 화면에서 검토하기',
    'dashboard.title': '대시보드', 'dashboard.incident': '장애', 'dashboard.perMinute': '분당 신고 수(최근 60분)',
    'dashboard.perHour': '시간당 신고 수(최근 48시간)', 'dashboard.queues': '대기열',
    'dashboard.depth': '대기 메시지', 'dashboard.age': '가장 오래된 메시지의 나이(초)',
    'dashboard.byStatus': '상태별 신고 수', 'dashboard.byReason': '분류 사유별 신고 수',
    'dashboard.byRule': '규칙별 금액(원)', 'dashboard.deadLetters': '처리 실패 메시지', 'dashboard.queue': '대기열',
    'surge.title': '급증 대응 모드', 'surge.modeSurge': '급증', 'surge.modeNormal': '평상', 'surge.since': '{time}부터',
    'surge.expected': '예상 처리 시간 약 {minutes}분', 'surge.at': '시각', 'surge.to': '전환 모드',
    'surge.reason': '사유', 'surge.backlog': '대기 건수', 'surge.arrivals': '분당 접수', 'surge.drain': '분당 처리',
    'surge.concurrency': '처리 동시 실행 수', 'surge.noSwitches': '최근 48시간 동안 전환이 없습니다.',
    'dashboard.count': '건수', 'dashboard.noData': '아직 자료가 없습니다.', 'dashboard.ageUnknown': '여기서는 알 수 없습니다: 가장 오래된 메시지의 나이는 CloudWatch 지표입니다.', 'dashboard.updated': '{time} 기준',
    'shortcut.approve': 'a — 승인', 'shortcut.adjust': 'j — 금액 조정', 'shortcut.reject': 'r — 거절',
    'shortcut.request-documents': 'd — 서류 요청', 'shortcut.mark-duplicate': 'm — 중복 표시',
    'shortcut.unmark-duplicate': 'u — 중복 해제', 'shortcut.reopen': 'o — 다시 열기',
    'shortcut.back': 'b 또는 Escape — 대기열로 돌아가기',
    'status.RECEIVED': '접수', 'status.SCORED': '산정 완료', 'status.AUTO_APPROVED': '자동 승인',
    'status.NEEDS_REVIEW': '검토 필요', 'status.NEEDS_DOCUMENTS': '서류 필요', 'status.APPROVED': '승인',
    'status.REJECTED': '거절', 'status.PAID': '지급 완료', 'status.DISPUTED': '이의 제기',
    'category.paid-subscription': '유료 구독', 'category.failed-purchase': '결제 실패',
    'category.free-service-money-lost': '무료 서비스 금전 손해', 'category.business-loss': '영업 손해',
    'category.no-monetary-damage': '금전 손해 없음',
    'reason.auto-approved': '자동 승인', 'reason.manual-review': '직접 검토', 'reason.documents-required': '서류 필요',
    'reason.risk-flagged': '위험 표시', 'reason.duplicate': '중복', 'reason.audit-sample': '표본 감사',
    'flag.outlier-amount': '이례적 금액', 'flag.many-reports-from-contact': '같은 연락처의 다수 신고',
    'flag.window-contradicts-ledger': '장애 기록과 다른 시간',
    'outcome.EXTENSION': '이용 기간 연장', 'outcome.PAYMENT': '금전 보상', 'outcome.MANUAL_REVIEW': '직접 검토', 'outcome.NO_PAYMENT': '보상 없음',
    'reporterType.individual': '개인', 'reporterType.small-business': '소상공인', 'reporterType.mid-large-business': '중견·대기업',
    'audit.action.SCORED': '산정', 'audit.action.RESCORED': '재산정', 'audit.action.FLAGGED': '새 정책으로 표시',
    'audit.action.APPROVED': '승인', 'audit.action.AMOUNT_ADJUSTED': '금액 조정', 'audit.action.REJECTED': '거절',
    'audit.action.DOCUMENTS_REQUESTED': '서류 요청', 'audit.action.DOCUMENTS_OVERDUE': '서류 기한 경과',
    'audit.action.MARKED_DUPLICATE': '중복 표시', 'audit.action.UNMARKED_DUPLICATE': '중복 해제',
    'audit.action.REOPENED': '다시 열림', 'audit.action.REDRIVEN': '재처리',
    'audit.action.PERSONAL_DATA_ERASED': '개인정보 파기',
    'job.skipped': '{skipped}건 건너뜀',
  },
};

const STORAGE_KEY = 'damagedesk.lang';
const listeners = [];
let current = initialLanguage();

function initialLanguage() {
  const chosen = localStorage.getItem(STORAGE_KEY);
  if (chosen && DICTIONARY[chosen]) {
    return chosen;
  }
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return browser.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!DICTIONARY[lang] || lang === current) {
    return;
  }
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  listeners.forEach((listener) => listener(lang));
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** The text of `key` in the current language, `{name}` placeholders filled from `values` (as text). */
export function t(key, values = {}) {
  const text = DICTIONARY[current][key] ?? DICTIONARY.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** `t(key)` if the dictionary has it, else the code itself (status and reason codes without a translation). */
export function label(prefix, code) {
  const key = `${prefix}.${code}`;
  return DICTIONARY[current][key] ?? DICTIONARY.en[key] ?? String(code);
}

export function formatNumber(value) {
  return value == null ? t('common.none') : new Intl.NumberFormat(current === 'ko' ? 'ko-KR' : 'en-US').format(value);
}

export function formatKrw(value) {
  return value == null ? t('common.none') : t('common.krw', { amount: formatNumber(value) });
}

export function formatInstant(value) {
  if (!value) {
    return t('common.none');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  return new Intl.DateTimeFormat(current === 'ko' ? 'ko-KR' : 'en-GB', {
    dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Seoul',
  }).format(date);
}

export const LANGUAGES = Object.keys(DICTIONARY);
