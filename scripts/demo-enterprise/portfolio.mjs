// What each team builds: its system and its components (every component is
// one repository). Hand-written so the names read like a real bank's estate;
// the platform estates in platforms/ refer to these repositories by name.
//
// Component tuple: [name, type, description, options]
//   options.stack     node | java | go | python (default: the team's stack)
//   options.api       openapi | asyncapi | grpc: the component provides an API
//   options.noun      the resource its API serves (default from the name)
//   options.manifest  pyproject | requirements, for Python repositories

export const DEPARTMENT_DOMAINS = {
  'retail-banking': [
    'retail-banking',
    'Retail Banking',
    'Everyday banking for personal customers: accounts, savings, branches, ATMs and digital channels.',
  ],
  payments: [
    'payments',
    'Payments',
    'Moving money: the ledger, cards, Faster Payments/Bacs/CHAPS, merchant acquiring and Open Banking.',
  ],
  lending: [
    'lending',
    'Lending',
    'Mortgages, personal loans, credit decisions and collections.',
  ],
  wealth: [
    'wealth-management',
    'Wealth Management',
    'Investment portfolios, trading, market data and regulated financial advice.',
  ],
  'risk-and-compliance': [
    'risk-and-compliance',
    'Risk & Compliance',
    'Fraud, anti-money-laundering, KYC, credit risk and returns to the regulators.',
  ],
  'data-and-analytics': [
    'data-and-analytics',
    'Data & Analytics',
    'The data platform, customer insight and machine learning.',
  ],
  'platform-engineering': [
    'developer-platform',
    'Developer Platform',
    'Cloud foundations, developer tooling, observability and customer identity.',
  ],
};

export const TEAM_STACK = {
  'current-accounts': 'java',
  'savings-products': 'java',
  'branch-experience': 'node',
  'atm-network': 'go',
  'mobile-banking': 'node',
  'digital-channels': 'node',
  'payments-core': 'java',
  'cards-platform': 'java',
  'faster-payments': 'java',
  'merchant-services': 'node',
  'open-banking': 'node',
  'mortgage-origination': 'java',
  'mortgage-servicing': 'java',
  'personal-lending': 'python',
  collections: 'python',
  'credit-decisioning': 'python',
  'portfolio-management': 'java',
  'trading-platform': 'go',
  'market-data': 'go',
  'financial-advice': 'node',
  'fraud-detection': 'python',
  'financial-crime': 'python',
  'kyc-onboarding': 'node',
  'regulatory-reporting': 'python',
  'credit-risk': 'python',
  'customer-insights': 'python',
  'data-platform': 'go',
  'ml-platform': 'python',
  'cloud-foundations': 'go',
  'developer-experience': 'node',
  observability: 'go',
  'customer-identity': 'java',
  coe: 'node',
};

const node = { stack: 'node' };
const java = { stack: 'java' };
const go = { stack: 'go' };
const python = { stack: 'python' };

export const PORTFOLIO = {
  'current-accounts': {
    system: [
      'current-accounts',
      'Current Accounts',
      'Personal current accounts: opening, overdrafts, mandates, switching and statements.',
    ],
    components: [
      [
        'current-account-service',
        'service',
        'Opens, maintains and closes personal current accounts.',
        { api: 'openapi', noun: 'accounts' },
      ],
      [
        'overdraft-limit-service',
        'service',
        'Arranged overdraft limits and daily overdraft interest accrual.',
      ],
      [
        'statement-pdf-renderer',
        'service',
        'Renders monthly account statements to accessible PDF.',
        { ...python, manifest: 'pyproject' },
      ],
      [
        'direct-debit-mandates',
        'service',
        'Bacs Direct Debit mandate lifecycle and AUDDIS messages.',
        { api: 'openapi', noun: 'mandates' },
      ],
      [
        'standing-order-scheduler',
        'service',
        'Executes standing orders on their due dates.',
      ],
      [
        'account-switching-adapter',
        'service',
        'Current Account Switch Service (CASS) integration.',
      ],
      [
        'account-number-allocator',
        'library',
        'Sort code and account number allocation with modulus checking.',
      ],
    ],
  },
  'savings-products': {
    system: [
      'savings',
      'Savings',
      'Easy-access, fixed-term and ISA savings products.',
    ],
    components: [
      [
        'savings-interest-engine',
        'service',
        'Daily interest accrual and monthly capitalisation for savings accounts.',
        { api: 'openapi', noun: 'accruals' },
      ],
      [
        'isa-allowance-tracker',
        'service',
        'Tracks ISA subscriptions against the annual allowance.',
      ],
      [
        'fixed-term-deposit-service',
        'service',
        'Fixed-term bonds: booking, maturity and rollover instructions.',
      ],
      [
        'savings-goals-service',
        'service',
        'Customer savings goals and round-up rules.',
      ],
      [
        'savings-rate-publisher',
        'service',
        'Publishes savings rates to the website and the mobile app.',
      ],
      [
        'interest-calculation-lib',
        'library',
        'Day-count conventions and interest calculation shared by deposit products.',
      ],
      [
        'savings-account-opening-web',
        'website',
        'Online account opening for savings products.',
        node,
      ],
    ],
  },
  'branch-experience': {
    system: [
      'branch-network',
      'Branch Network',
      'Tools for the 140 branches: appointments, queues and teller operations.',
    ],
    components: [
      [
        'branch-appointment-service',
        'service',
        'Books branch appointments with mortgage and savings advisers.',
        { api: 'openapi', noun: 'appointments' },
      ],
      [
        'teller-cash-reconciler',
        'service',
        'End-of-day teller cash reconciliation for branch tills.',
      ],
      ['branch-locator-web', 'website', 'Public branch and ATM finder.'],
      [
        'queue-management-kiosk',
        'website',
        'In-branch queue kiosk and waiting-area display.',
      ],
      [
        'branch-staff-portal',
        'website',
        'Intranet portal for branch colleagues.',
      ],
      [
        'branch-ui-kit',
        'library',
        'React components for branch-facing applications.',
      ],
      [
        'branch-cash-orders',
        'service',
        'Cash orders and deliveries for branch vaults.',
      ],
    ],
  },
  'atm-network': {
    system: [
      'atm-estate',
      'ATM Estate',
      'The ATM fleet: transaction switching, telemetry and cash forecasting.',
    ],
    components: [
      [
        'atm-telemetry-ingest',
        'service',
        'Ingests device health and cassette telemetry from the ATM fleet.',
      ],
      [
        'atm-cash-forecasting',
        'service',
        'Forecasts cash demand per ATM to plan cash-in-transit runs.',
        { api: 'openapi', noun: 'forecasts' },
      ],
      [
        'atm-fleet-registry',
        'service',
        'Inventory of ATMs, their sites and hardware revisions.',
      ],
      [
        'atm-transaction-switch',
        'service',
        'Routes ATM withdrawals to card authorisation and LINK.',
      ],
      [
        'atm-screen-content-service',
        'service',
        'Publishes screen content and promotions to ATMs.',
      ],
      ['iso8583-codec', 'library', 'ISO 8583 message encoding and decoding.'],
      [
        'atm-dispute-evidence',
        'service',
        'Journal and camera evidence for disputed ATM withdrawals.',
      ],
    ],
  },
  'mobile-banking': {
    system: [
      'mobile-app',
      'Mobile App',
      'The Fernhill mobile banking app and its backend-for-frontend.',
    ],
    components: [
      [
        'mobile-banking-bff',
        'service',
        'Backend-for-frontend for the iOS and Android apps.',
        { api: 'openapi', noun: 'sessions' },
      ],
      ['mobile-banking-app', 'website', 'React Native mobile banking app.'],
      [
        'push-notification-gateway',
        'service',
        'Sends push notifications through APNs and FCM.',
      ],
      [
        'mobile-feature-toggles',
        'service',
        'Remote configuration and staged roll-outs for the app.',
      ],
      [
        'biometric-login-service',
        'service',
        'Device binding and biometric login challenges.',
      ],
      [
        'mobile-design-system',
        'library',
        'Design tokens and components for the mobile app.',
      ],
      [
        'app-config-service',
        'service',
        'Per-platform app configuration and minimum supported versions.',
      ],
    ],
  },
  'digital-channels': {
    system: [
      'digital-engagement',
      'Digital Engagement',
      'Online banking, the public website and customer communications.',
    ],
    components: [
      [
        'notification-preferences-service',
        'service',
        'Stores how each customer wants to be contacted, per message type.',
        { api: 'openapi', noun: 'preferences' },
      ],
      [
        'online-banking-web',
        'website',
        'Online banking for personal customers.',
      ],
      [
        'public-website',
        'website',
        'fernhill.example: products, rates and help pages.',
      ],
      [
        'secure-messaging-service',
        'service',
        'Secure messages between customers and colleagues.',
      ],
      [
        'email-dispatch-service',
        'service',
        'Renders and sends transactional e-mail.',
      ],
      [
        'sms-gateway-adapter',
        'service',
        'Adapter to the SMS aggregator for one-time passcodes and alerts.',
      ],
      [
        'content-api',
        'service',
        'Headless CMS content for the website and the app.',
        { api: 'openapi', noun: 'pages' },
      ],
    ],
  },
  'payments-core': {
    system: [
      'payments-ledger',
      'Payments Ledger',
      'The double-entry ledger that every payment posts to, and its reconciliation.',
    ],
    components: [
      [
        'payments-ledger-service',
        'service',
        'Double-entry ledger for all customer payment postings.',
        { api: 'openapi', noun: 'postings' },
      ],
      [
        'payments-reconciliation-service',
        'service',
        'Reconciles ledger postings against scheme settlement files.',
      ],
      [
        'payment-orchestrator',
        'service',
        'Orchestrates a payment from initiation to settlement.',
        { api: 'openapi', noun: 'payments' },
      ],
      [
        'payee-verification-service',
        'service',
        'Confirmation of Payee name checks.',
      ],
      [
        'payment-limits-service',
        'service',
        'Daily and per-transaction payment limits.',
      ],
      [
        'ledger-client-java',
        'library',
        'Java client for the payments ledger API.',
      ],
      [
        'payments-event-router',
        'service',
        'Publishes payment lifecycle events to Kafka.',
        { api: 'asyncapi', noun: 'payment' },
      ],
    ],
  },
  'cards-platform': {
    system: [
      'card-issuing',
      'Card Issuing',
      'Debit and credit card issuing, tokenisation, controls and disputes.',
    ],
    components: [
      [
        'card-tokenization-service',
        'service',
        'Network and device tokenisation for Apple Pay and Google Pay.',
        { api: 'openapi', noun: 'tokens' },
      ],
      [
        'card-disputes-service',
        'service',
        'Chargeback and dispute cases for cardholders.',
      ],
      [
        'card-issuing-service',
        'service',
        'Orders, activates and replaces debit and credit cards.',
        { api: 'openapi', noun: 'cards' },
      ],
      [
        'card-controls-service',
        'service',
        'Freeze, unfreeze and spending controls per card.',
      ],
      [
        'pin-management-service',
        'service',
        'PIN set, change and reminder via the HSM.',
      ],
      [
        'card-authorisation-gateway',
        'service',
        'Authorises card transactions from the scheme in real time.',
        { api: 'asyncapi', noun: 'authorisation' },
      ],
      ['emv-crypto-lib', 'library', 'EMV cryptogram validation helpers.'],
    ],
  },
  'faster-payments': {
    system: [
      'faster-payments-gateway',
      'Faster Payments Gateway',
      'Connectivity to Faster Payments, Bacs and CHAPS.',
    ],
    components: [
      [
        'faster-payments-gateway',
        'service',
        'Sends and receives Faster Payments via the scheme connector.',
        { api: 'openapi', noun: 'transfers' },
      ],
      [
        'fx-settlement-service',
        'service',
        'Settles foreign-exchange legs of international payments.',
      ],
      [
        'bacs-file-processor',
        'service',
        'Builds and parses Bacs submission and report files.',
      ],
      [
        'chaps-payments-adapter',
        'service',
        'CHAPS high-value payments through the RTGS gateway.',
      ],
      [
        'iso20022-message-lib',
        'library',
        'ISO 20022 pacs/pain message models.',
      ],
      [
        'sanctions-screening-client',
        'library',
        'Client for the sanctions screening service.',
      ],
      [
        'payment-status-tracker',
        'service',
        'Tracks end-to-end payment status for customers and colleagues.',
      ],
    ],
  },
  'merchant-services': {
    system: [
      'merchant-acquiring',
      'Merchant Acquiring',
      'Card acceptance for business customers: onboarding, settlement and terminals.',
    ],
    components: [
      [
        'merchant-onboarding-service',
        'service',
        'Onboards business customers to card acceptance.',
        { api: 'openapi', noun: 'merchants' },
      ],
      [
        'merchant-settlement-service',
        'service',
        'Calculates and pays merchant settlements net of fees.',
      ],
      ['merchant-portal', 'website', 'Self-service portal for merchants.'],
      [
        'pos-terminal-gateway',
        'service',
        'Gateway for point-of-sale terminals.',
        go,
      ],
      [
        'merchant-pricing-service',
        'service',
        'Merchant service charge pricing and interchange++ fees.',
      ],
      ['chargeback-service', 'service', 'Merchant-side chargeback handling.'],
      [
        'merchant-statements-service',
        'service',
        'Monthly merchant statements and invoices.',
      ],
    ],
  },
  'open-banking': {
    system: [
      'open-banking-platform',
      'Open Banking Platform',
      'PSD2/UK Open Banking APIs for third-party providers.',
    ],
    components: [
      [
        'open-banking-consent-service',
        'service',
        'Account-access and payment consents granted to third-party providers.',
        { api: 'openapi', noun: 'consents' },
      ],
      [
        'open-banking-tpp-registry',
        'service',
        'Registry of third-party providers, synchronised with the OB directory.',
      ],
      [
        'aisp-api-gateway',
        'service',
        'Account Information Service API.',
        { api: 'openapi', noun: 'accounts' },
      ],
      [
        'pisp-api-gateway',
        'service',
        'Payment Initiation Service API.',
        { api: 'openapi', noun: 'domestic-payments' },
      ],
      [
        'open-banking-developer-portal',
        'website',
        'Developer portal for third-party providers.',
      ],
      ['fapi-security-lib', 'library', 'FAPI request signing and validation.'],
      [
        'open-banking-conformance-tests',
        'library',
        'Conformance test suite run against the Open Banking APIs.',
      ],
    ],
  },
  'mortgage-origination': {
    system: [
      'mortgage-platform',
      'Mortgage Platform',
      'Mortgage applications, offers and broker channel.',
    ],
    components: [
      [
        'mortgage-application-service',
        'service',
        'Mortgage applications from decision in principle to offer.',
        { api: 'openapi', noun: 'applications' },
      ],
      [
        'mortgage-offer-service',
        'service',
        'Produces and versions binding mortgage offers.',
      ],
      [
        'affordability-calculator',
        'service',
        'Affordability and stress-rate calculation for mortgages.',
      ],
      [
        'property-valuation-adapter',
        'service',
        'Instructs surveyors and receives valuations.',
      ],
      [
        'broker-portal',
        'website',
        'Portal for intermediaries submitting mortgage cases.',
      ],
      [
        'mortgage-illustration-generator',
        'service',
        'Generates ESIS mortgage illustrations.',
      ],
      [
        'mortgage-document-checklist',
        'service',
        'Tracks documents outstanding on a mortgage application.',
      ],
    ],
  },
  'mortgage-servicing': {
    system: [
      'mortgage-servicing',
      'Mortgage Servicing',
      'Running mortgages after completion: payments, product transfers and redemptions.',
    ],
    components: [
      [
        'mortgage-servicing-ledger',
        'service',
        'Mortgage account balances, payments and arrears positions.',
        { api: 'openapi', noun: 'mortgage-accounts' },
      ],
      [
        'mortgage-payment-scheduler',
        'service',
        'Monthly mortgage payment collection schedules.',
      ],
      [
        'redemption-statement-service',
        'service',
        'Redemption statements for solicitors and customers.',
      ],
      [
        'product-transfer-service',
        'service',
        'Product transfers at the end of a fixed-rate period.',
      ],
      [
        'mortgage-customer-web',
        'website',
        'Mortgage self-service for customers.',
      ],
      [
        'overpayment-calculator',
        'library',
        'Overpayment allowance and early repayment charge calculation.',
      ],
      [
        'mortgage-arrears-service',
        'service',
        'Detects missed mortgage payments and hands them to collections.',
      ],
    ],
  },
  'personal-lending': {
    system: [
      'personal-lending',
      'Personal Lending',
      'Unsecured personal loans from quote to repayment.',
    ],
    components: [
      [
        'personal-loan-documents',
        'service',
        'Stores loan agreements, pre-contract information and signed documents.',
      ],
      [
        'loan-servicing-ledger',
        'service',
        'Loan balances, repayment schedules and settlement figures.',
        { api: 'openapi', noun: 'loans' },
      ],
      [
        'loan-application-api',
        'service',
        'Public API for personal loan applications.',
        { api: 'openapi', noun: 'loan-applications' },
      ],
      ['loan-quote-engine', 'service', 'Personalised APR quotes.'],
      [
        'loan-agreement-signer',
        'service',
        'E-signature of consumer credit agreements.',
      ],
      [
        'credit-bureau-connector',
        'service',
        'Credit reference agency searches and reporting.',
      ],
      [
        'loan-repayment-collector',
        'service',
        'Collects monthly loan repayments by Direct Debit.',
      ],
    ],
  },
  collections: {
    system: [
      'collections-platform',
      'Collections Platform',
      'Arrears management, payment plans and recoveries.',
    ],
    components: [
      [
        'collections-case-service',
        'service',
        'Collections cases for customers in arrears.',
        { api: 'openapi', noun: 'cases' },
      ],
      [
        'arrears-notification-service',
        'service',
        'Statutory arrears notices and reminder letters.',
      ],
      [
        'payment-plan-service',
        'service',
        'Affordable repayment plans for customers in difficulty.',
      ],
      [
        'collections-agent-desktop',
        'website',
        'Desktop for collections agents.',
        node,
      ],
      [
        'debt-recovery-export',
        'service',
        'Exports charged-off debts to recovery agencies.',
      ],
      [
        'vulnerability-flags-lib',
        'library',
        'Customer vulnerability flag handling shared across collections.',
      ],
      [
        'collections-strategy-engine',
        'service',
        'Chooses the collections treatment for each case.',
      ],
    ],
  },
  'credit-decisioning': {
    system: [
      'credit-decisioning-engine',
      'Credit Decisioning Engine',
      'Automated credit decisions for every lending product.',
    ],
    components: [
      [
        'credit-decision-service',
        'service',
        'Runs the credit policy and returns accept/refer/decline.',
        { api: 'openapi', noun: 'decisions' },
      ],
      [
        'scorecard-runtime',
        'service',
        'Executes application and behavioural scorecards.',
      ],
      [
        'decision-rules-authoring',
        'website',
        'Authoring tool for credit policy rules.',
        node,
      ],
      [
        'affordability-model',
        'library',
        'Income and expenditure affordability model.',
      ],
      [
        'open-banking-income-verifier',
        'service',
        'Verifies income from Open Banking transaction data.',
      ],
      [
        'decision-audit-trail',
        'service',
        'Immutable audit trail of credit decisions.',
      ],
      [
        'decision-explainability',
        'service',
        'Reason codes and explanations for credit decisions.',
      ],
    ],
  },
  'portfolio-management': {
    system: [
      'investment-platform',
      'Investment Platform',
      'Customer investment portfolios, valuations and reporting.',
    ],
    components: [
      [
        'portfolio-valuation-service',
        'service',
        'Values customer portfolios intraday and at close.',
        { api: 'openapi', noun: 'valuations' },
      ],
      [
        'portfolio-rebalancer',
        'service',
        'Rebalances managed portfolios against their model.',
      ],
      [
        'model-portfolio-service',
        'service',
        'Model portfolios and their target allocations.',
      ],
      ['fund-fact-sheet-generator', 'service', 'Monthly fund fact sheets.'],
      [
        'client-reporting-service',
        'service',
        'Quarterly client reports and cost and charges disclosures.',
      ],
      [
        'holdings-import-lib',
        'library',
        'Parsers for custodian holdings files.',
      ],
      [
        'dividend-reinvestment-service',
        'service',
        'Reinvests dividends for customers who ask for it.',
      ],
    ],
  },
  'trading-platform': {
    system: [
      'trading',
      'Trading',
      'Order management and execution for customer dealing.',
    ],
    components: [
      [
        'trade-blotter-service',
        'service',
        'Trade blotter for dealers and the operations desk.',
        { api: 'grpc', noun: 'trades' },
      ],
      [
        'order-routing-service',
        'service',
        'Routes customer orders to execution venues.',
        { api: 'grpc', noun: 'orders' },
      ],
      ['fix-gateway', 'service', 'FIX 4.4 sessions with brokers and venues.'],
      [
        'trade-settlement-service',
        'service',
        'Settlement instructions to the custodian.',
      ],
      [
        'best-execution-monitor',
        'service',
        'MiFID II best-execution monitoring.',
      ],
      [
        'fix-protocol-lib',
        'library',
        'FIX message parsing and session helpers.',
      ],
      [
        'corporate-actions-processor',
        'service',
        'Processes corporate actions on customer holdings.',
      ],
    ],
  },
  'market-data': {
    system: [
      'market-data-platform',
      'Market Data Platform',
      'Prices, rates and reference data for wealth and treasury.',
    ],
    components: [
      [
        'market-data-tick-store',
        'service',
        'Stores and serves intraday price ticks.',
        { api: 'grpc', noun: 'ticks' },
      ],
      [
        'price-feed-normaliser',
        'service',
        'Normalises vendor price feeds into one schema.',
      ],
      [
        'fx-rates-service',
        'service',
        'Foreign exchange reference rates.',
        { api: 'openapi', noun: 'rates' },
      ],
      [
        'market-data-snapshotter',
        'service',
        'End-of-day market data snapshots.',
      ],
      [
        'instrument-reference-service',
        'service',
        'Instrument and issuer reference data.',
        { api: 'openapi', noun: 'instruments' },
      ],
      [
        'market-calendar-lib',
        'library',
        'Exchange holiday calendars and settlement dates.',
      ],
      [
        'benchmark-index-service',
        'service',
        'Benchmark index levels used in portfolio reporting.',
      ],
    ],
  },
  'financial-advice': {
    system: [
      'advice-platform',
      'Advice Platform',
      'Regulated financial advice: fact-find, suitability and reporting.',
    ],
    components: [
      [
        'advice-session-notes',
        'service',
        'Adviser notes and fact-find records for advice sessions.',
        { api: 'openapi', noun: 'sessions' },
      ],
      ['adviser-workbench', 'website', 'Workbench for financial advisers.'],
      [
        'suitability-report-service',
        'service',
        'Generates suitability reports for advised customers.',
      ],
      [
        'risk-profile-questionnaire',
        'service',
        'Attitude-to-risk questionnaire and scoring.',
      ],
      ['fee-calculator', 'library', 'Advice and platform fee calculation.'],
      [
        'advice-appointment-booking',
        'service',
        'Books remote and in-branch advice appointments.',
      ],
      [
        'advice-compliance-checker',
        'service',
        'Pre-issue compliance checks on advice files.',
      ],
    ],
  },
  'fraud-detection': {
    system: [
      'fraud-prevention',
      'Fraud Prevention',
      'Real-time fraud scoring and fraud case handling.',
    ],
    components: [
      [
        'fraud-case-manager',
        'service',
        'Fraud cases, evidence and customer refunds.',
        { api: 'openapi', noun: 'fraud-cases' },
      ],
      [
        'card-fraud-scorer',
        'service',
        'Scores card authorisations for fraud in under 50 ms.',
        { api: 'openapi', noun: 'scores' },
      ],
      [
        'payment-fraud-rules',
        'service',
        'Rules engine for authorised push payment fraud.',
      ],
      [
        'device-fingerprint-service',
        'service',
        'Device fingerprinting for online and mobile sessions.',
        node,
      ],
      ['fraud-analyst-console', 'website', 'Console for fraud analysts.', node],
      [
        'fraud-features-lib',
        'library',
        'Feature engineering shared by fraud models.',
      ],
      [
        'fraud-alerts-publisher',
        'service',
        'Publishes fraud alerts to downstream channels.',
        { api: 'asyncapi', noun: 'fraud-alert' },
      ],
    ],
  },
  'financial-crime': {
    system: [
      'aml-monitoring',
      'AML Monitoring',
      'Anti-money-laundering monitoring, screening and reporting.',
    ],
    components: [
      [
        'aml-case-notes',
        'service',
        'Investigator notes attached to AML alerts.',
      ],
      [
        'transaction-monitoring-engine',
        'service',
        'Detects suspicious transaction patterns.',
        { api: 'openapi', noun: 'alerts' },
      ],
      [
        'sanctions-screening-service',
        'service',
        'Screens customers and payments against sanctions lists.',
        { api: 'openapi', noun: 'screenings' },
      ],
      [
        'sar-filing-service',
        'service',
        'Suspicious activity reports to the National Crime Agency.',
      ],
      [
        'pep-screening-service',
        'service',
        'Politically exposed person screening.',
      ],
      [
        'watchlist-loader',
        'service',
        'Loads sanctions and PEP watchlists daily.',
      ],
      [
        'aml-risk-rating-service',
        'service',
        'Customer money-laundering risk ratings.',
      ],
    ],
  },
  'kyc-onboarding': {
    system: [
      'customer-onboarding-kyc',
      'Customer Onboarding & KYC',
      'Know-your-customer checks for new and existing customers.',
    ],
    components: [
      [
        'kyc-evidence-service',
        'service',
        'Stores identity evidence and verification results.',
        { api: 'openapi', noun: 'evidence' },
      ],
      [
        'onboarding-journey-service',
        'service',
        'State of every customer onboarding journey.',
        { api: 'openapi', noun: 'journeys' },
      ],
      [
        'document-verification-adapter',
        'service',
        'Adapter to the document and liveness verification vendor.',
      ],
      ['address-lookup-service', 'service', 'UK address lookup.'],
      [
        'identity-check-orchestrator',
        'service',
        'Orchestrates identity, address and fraud checks at onboarding.',
      ],
      [
        'kyc-refresh-scheduler',
        'service',
        'Schedules periodic KYC refreshes by risk rating.',
      ],
      ['kyc-web-journey', 'website', 'Web journey for identity verification.'],
    ],
  },
  'regulatory-reporting': {
    system: [
      'regulatory-reporting',
      'Regulatory Reporting',
      'Returns to the PRA, the FCA and the Bank of England.',
    ],
    components: [
      [
        'regulatory-returns-service',
        'service',
        'Assembles and submits regulatory returns.',
        { api: 'openapi', noun: 'returns' },
      ],
      [
        'liquidity-reporting-service',
        'service',
        'LCR and NSFR liquidity reporting.',
      ],
      [
        'corep-finrep-generator',
        'service',
        'COREP and FINREP XBRL generation.',
      ],
      [
        'regulatory-data-lineage',
        'service',
        'Lineage from source systems to regulatory cells.',
      ],
      [
        'boe-statistical-returns',
        'service',
        'Bank of England statistical returns.',
      ],
      [
        'reporting-reconciliation-lib',
        'library',
        'Reconciliation helpers for report totals.',
      ],
      [
        'regulatory-calendar',
        'service',
        'Calendar of regulatory submission deadlines.',
      ],
    ],
  },
  'credit-risk': {
    system: [
      'credit-risk-models',
      'Credit Risk Models',
      'IFRS 9 provisioning, capital and stress testing.',
    ],
    components: [
      [
        'credit-limit-simulator',
        'service',
        'Simulates credit limit strategies on historical data.',
      ],
      [
        'expected-credit-loss-engine',
        'service',
        'IFRS 9 expected credit loss calculation.',
        { api: 'openapi', noun: 'provisions' },
      ],
      [
        'probability-of-default-models',
        'library',
        'Probability-of-default model implementations.',
      ],
      [
        'risk-weighted-assets-calculator',
        'service',
        'Risk-weighted assets under the standardised approach.',
      ],
      [
        'stress-testing-workbench',
        'website',
        'Workbench for stress-testing scenarios.',
        node,
      ],
      [
        'model-validation-service',
        'service',
        'Independent model validation runs and reports.',
      ],
      [
        'collateral-valuation-service',
        'service',
        'Indexes collateral values for capital calculations.',
      ],
    ],
  },
  'customer-insights': {
    system: [
      'customer-insights-platform',
      'Customer Insights Platform',
      'Segmentation, attribution and next-best-action.',
    ],
    components: [
      [
        'customer-segmentation-service',
        'service',
        'Behavioural customer segments for marketing and product teams.',
        { api: 'openapi', noun: 'segments' },
      ],
      [
        'clickstream-enricher',
        'service',
        'Enriches web and app clickstream with customer context.',
      ],
      [
        'campaign-attribution-service',
        'service',
        'Attributes product sales to marketing campaigns.',
      ],
      [
        'next-best-action-service',
        'service',
        'Chooses the next best action to show each customer.',
        { api: 'openapi', noun: 'actions' },
      ],
      [
        'customer-360-api',
        'service',
        'A single view of the customer for colleagues.',
        { api: 'openapi', noun: 'customers' },
      ],
      [
        'insights-dashboard',
        'website',
        'Dashboards for customer insight analysts.',
        node,
      ],
      [
        'survey-feedback-analyser',
        'service',
        'Topic analysis of customer survey feedback.',
      ],
    ],
  },
  'data-platform': {
    system: [
      'enterprise-data-platform',
      'Enterprise Data Platform',
      'The lakehouse, change data capture and data governance.',
    ],
    components: [
      [
        'data-catalog-service',
        'service',
        'Catalogue of datasets, owners and classifications.',
        { api: 'openapi', noun: 'datasets' },
      ],
      [
        'cdc-connector-manager',
        'service',
        'Manages change-data-capture connectors into the lakehouse.',
      ],
      [
        'data-quality-checker',
        'service',
        'Data quality rules run against lakehouse tables.',
        python,
      ],
      [
        'lakehouse-ingest-service',
        'service',
        'Batch and streaming ingestion into the lakehouse.',
      ],
      [
        'data-access-broker',
        'service',
        'Grants time-bound access to sensitive datasets.',
      ],
      [
        'schema-registry-client',
        'library',
        'Client for the event schema registry.',
      ],
      [
        'data-contracts',
        'library',
        'Data contracts for published datasets.',
        python,
      ],
    ],
  },
  'ml-platform': {
    system: [
      'ml-platform',
      'ML Platform',
      'Feature store, training and model serving.',
    ],
    components: [
      [
        'feature-store-registry',
        'service',
        'Registry of features, their owners and freshness.',
        { api: 'openapi', noun: 'features' },
      ],
      [
        'model-serving-gateway',
        'service',
        'Serves models behind one authenticated gateway.',
        go,
      ],
      [
        'model-registry-service',
        'service',
        'Model versions, approvals and lineage.',
      ],
      [
        'ml-training-orchestrator',
        'service',
        'Schedules and tracks training runs.',
      ],
      ['ml-platform-sdk', 'library', 'Python SDK for the ML platform.'],
      [
        'drift-monitor',
        'service',
        'Monitors feature and prediction drift for live models.',
      ],
      [
        'ml-notebooks-base',
        'library',
        'Base image and helpers for data science notebooks.',
      ],
    ],
  },
  'cloud-foundations': {
    system: [
      'cloud-foundations',
      'Cloud Foundations',
      'Landing zones, networking and shared cloud services.',
    ],
    components: [
      [
        'landing-zone-vending',
        'service',
        'Vends new cloud accounts and projects with guardrails.',
      ],
      ['terraform-modules', 'library', 'Approved Terraform modules for teams.'],
      ['dns-automation-service', 'service', 'Automates internal DNS records.'],
      [
        'cost-allocation-exporter',
        'service',
        'Exports cloud cost allocation by team.',
      ],
      [
        'network-policy-controller',
        'service',
        'Kubernetes network policy defaults.',
      ],
      [
        'secrets-rotation-service',
        'service',
        'Rotates platform credentials on a schedule.',
      ],
      [
        'kubernetes-baseline',
        'library',
        'Baseline Kubernetes manifests every cluster gets.',
      ],
    ],
  },
  'developer-experience': {
    system: [
      'developer-portal',
      'Developer Portal',
      'The internal developer portal and the golden paths it offers.',
    ],
    components: [
      [
        'feature-flag-service',
        'service',
        'Feature flags for every team.',
        { api: 'openapi', noun: 'flags' },
      ],
      ['ci-runner-autoscaler', 'service', 'Autoscales CI runners.', go],
      [
        'service-template-node',
        'library',
        'Golden-path template for Node.js services.',
      ],
      [
        'service-template-java',
        'library',
        'Golden-path template for Java services.',
        java,
      ],
      ['artifact-proxy', 'service', 'Caching proxy for package registries.'],
      [
        'engineering-docs-site',
        'website',
        'Engineering handbook and standards.',
      ],
      [
        'service-template-go',
        'library',
        'Golden-path template for Go services.',
        go,
      ],
    ],
  },
  observability: {
    system: [
      'observability-stack',
      'Observability Stack',
      'Logs, metrics, traces, alerting and SLOs.',
    ],
    components: [
      ['log-shipper', 'service', 'Ships container logs to the log store.'],
      [
        'metrics-gateway',
        'service',
        'Multi-tenant Prometheus remote-write gateway.',
      ],
      [
        'alert-router',
        'service',
        'Routes alerts to on-call rotations.',
        { api: 'openapi', noun: 'alerts' },
      ],
      ['slo-reporter', 'service', 'Monthly SLO reports per service.'],
      [
        'tracing-collector-config',
        'library',
        'Shared OpenTelemetry collector configuration.',
      ],
      ['status-page', 'website', 'Internal status page.', node],
      [
        'synthetic-probes',
        'service',
        'Synthetic journeys probing customer-facing services.',
      ],
    ],
  },
  'customer-identity': {
    system: [
      'customer-identity-platform',
      'Customer Identity Platform',
      'Customer profiles, login and strong customer authentication.',
    ],
    components: [
      [
        'customer-profile-service',
        'service',
        'Customer profile: names, addresses, contact details.',
        { api: 'openapi', noun: 'profiles' },
      ],
      [
        'identity-directory-service',
        'service',
        'Directory of customer identities and credentials.',
        { api: 'openapi', noun: 'identities' },
      ],
      [
        'customer-login-service',
        'service',
        'Login and session issuance for customers.',
      ],
      [
        'mfa-challenge-service',
        'service',
        'Strong customer authentication challenges.',
      ],
      [
        'session-token-service',
        'service',
        'Token exchange and refresh for customer sessions.',
      ],
      [
        'identity-sdk-js',
        'library',
        'JavaScript SDK for customer login.',
        node,
      ],
      [
        'customer-events-publisher',
        'service',
        'Publishes customer profile change events.',
        { api: 'asyncapi', noun: 'customer' },
      ],
    ],
  },
  coe: {
    system: null,
    components: [
      [
        'reference-architectures',
        'library',
        'Reference architectures the CoE publishes for MongoDB and PostgreSQL.',
      ],
      [
        'adoption-scorecards',
        'service',
        'Publishes platform adoption scorecards per department.',
      ],
    ],
  },
};

// The CoE's repositories sit in the developer portal system.
export const TEAM_SYSTEM_FALLBACK = { coe: 'developer-portal' };

// Resources that are not databases of the platforms planted here (Kafka
// topics, Redis caches, buckets): real estates declare plenty of these, and
// later platform detectors (Kafka, Redis) will find no configuration for them.
export const SHARED_RESOURCES = [
  [
    'payments-events-topic',
    'kafka-topic',
    'payments-core',
    'Kafka topic payments.lifecycle.v1.',
    ['kafka'],
    [
      'payments-event-router',
      'payment-orchestrator',
      'payment-status-tracker',
      'payments-ledger-service',
    ],
  ],
  [
    'card-authorisations-topic',
    'kafka-topic',
    'cards-platform',
    'Kafka topic cards.authorisations.v2.',
    ['kafka'],
    ['card-authorisation-gateway', 'card-fraud-scorer'],
  ],
  [
    'fraud-alerts-topic',
    'kafka-topic',
    'fraud-detection',
    'Kafka topic fraud.alerts.v1.',
    ['kafka'],
    [
      'fraud-alerts-publisher',
      'fraud-case-manager',
      'push-notification-gateway',
    ],
  ],
  [
    'customer-events-topic',
    'kafka-topic',
    'customer-identity',
    'Kafka topic customer.profile-changed.v1.',
    ['kafka'],
    ['customer-events-publisher', 'customer-360-api', 'kyc-refresh-scheduler'],
  ],
  [
    'market-prices-topic',
    'kafka-topic',
    'market-data',
    'Kafka topic marketdata.prices.v3.',
    ['kafka'],
    ['price-feed-normaliser', 'portfolio-valuation-service'],
  ],
  [
    'mobile-session-cache',
    'cache',
    'mobile-banking',
    'Redis cache for app sessions.',
    ['redis'],
    ['mobile-banking-bff', 'biometric-login-service'],
  ],
  [
    'fraud-feature-cache',
    'cache',
    'fraud-detection',
    'Redis cache of online fraud features.',
    ['redis'],
    ['card-fraud-scorer'],
  ],
  [
    'rate-limit-cache',
    'cache',
    'open-banking',
    'Redis cache for TPP rate limiting.',
    ['redis'],
    ['aisp-api-gateway', 'pisp-api-gateway'],
  ],
  [
    'statement-archive-bucket',
    's3-bucket',
    'current-accounts',
    'S3 bucket holding rendered statements for seven years.',
    ['s3'],
    ['statement-pdf-renderer'],
  ],
  [
    'regulatory-submissions-bucket',
    's3-bucket',
    'regulatory-reporting',
    'S3 bucket with every submitted return.',
    ['s3'],
    ['regulatory-returns-service', 'corep-finrep-generator'],
  ],
  [
    'lakehouse-raw-bucket',
    's3-bucket',
    'data-platform',
    'Raw zone of the lakehouse.',
    ['s3'],
    ['lakehouse-ingest-service', 'cdc-connector-manager'],
  ],
];
