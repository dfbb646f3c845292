// Fernhill Bank's org chart: who exists, who reports where. Departments own
// domains, teams own systems and components; a few departments group their
// teams into tribes, so the tree is four levels deep in places.
import { FIRST_NAMES, LAST_NAMES } from './names.mjs';
import { randomFor } from './random.mjs';

export const EMAIL_DOMAIN = 'fernhill.example';

export const ROOT = {
  name: 'fernhill',
  title: 'Fernhill Bank',
  description:
    'Fernhill Bank plc: a UK retail and commercial bank with a payments, lending and wealth business.',
};

export const DEPARTMENTS = [
  {
    name: 'retail-banking',
    title: 'Retail Banking',
    tribes: [
      {
        name: 'everyday-banking',
        title: 'Everyday Banking',
        teams: [
          'current-accounts',
          'savings-products',
          'branch-experience',
          'atm-network',
        ],
      },
      {
        name: 'digital-banking',
        title: 'Digital Banking',
        teams: ['mobile-banking', 'digital-channels'],
      },
    ],
    teams: [],
  },
  {
    name: 'payments',
    title: 'Payments',
    tribes: [],
    teams: [
      'payments-core',
      'cards-platform',
      'faster-payments',
      'merchant-services',
      'open-banking',
    ],
  },
  {
    name: 'lending',
    title: 'Lending',
    tribes: [
      {
        name: 'mortgages',
        title: 'Mortgages',
        teams: ['mortgage-origination', 'mortgage-servicing'],
      },
    ],
    teams: ['personal-lending', 'collections', 'credit-decisioning'],
  },
  {
    name: 'wealth',
    title: 'Wealth & Investments',
    tribes: [],
    teams: [
      'portfolio-management',
      'trading-platform',
      'market-data',
      'financial-advice',
    ],
  },
  {
    name: 'risk-and-compliance',
    title: 'Risk & Compliance',
    tribes: [
      {
        name: 'financial-crime-prevention',
        title: 'Financial Crime Prevention',
        teams: ['fraud-detection', 'financial-crime', 'kyc-onboarding'],
      },
    ],
    teams: ['regulatory-reporting', 'credit-risk'],
  },
  {
    name: 'data-and-analytics',
    title: 'Data & Analytics',
    tribes: [],
    teams: ['customer-insights', 'data-platform', 'ml-platform'],
  },
  {
    name: 'platform-engineering',
    title: 'Platform Engineering',
    tribes: [],
    teams: [
      'cloud-foundations',
      'developer-experience',
      'observability',
      'customer-identity',
      'coe',
    ],
  },
];

export const TEAM_TITLES = {
  'current-accounts': 'Current Accounts',
  'savings-products': 'Savings Products',
  'branch-experience': 'Branch Experience',
  'atm-network': 'ATM Network',
  'mobile-banking': 'Mobile Banking',
  'digital-channels': 'Digital Channels',
  'payments-core': 'Payments Core',
  'cards-platform': 'Cards Platform',
  'faster-payments': 'Faster Payments',
  'merchant-services': 'Merchant Services',
  'open-banking': 'Open Banking',
  'mortgage-origination': 'Mortgage Origination',
  'mortgage-servicing': 'Mortgage Servicing',
  'personal-lending': 'Personal Lending',
  collections: 'Collections & Recoveries',
  'credit-decisioning': 'Credit Decisioning',
  'portfolio-management': 'Portfolio Management',
  'trading-platform': 'Trading Platform',
  'market-data': 'Market Data',
  'financial-advice': 'Financial Advice',
  'fraud-detection': 'Fraud Detection',
  'financial-crime': 'Financial Crime (AML)',
  'kyc-onboarding': 'KYC & Onboarding',
  'regulatory-reporting': 'Regulatory Reporting',
  'credit-risk': 'Credit Risk',
  'customer-insights': 'Customer Insights',
  'data-platform': 'Data Platform',
  'ml-platform': 'ML Platform',
  'cloud-foundations': 'Cloud Foundations',
  'developer-experience': 'Developer Experience',
  observability: 'Observability',
  'customer-identity': 'Customer Identity',
  coe: 'Platform Center of Excellence',
};

// The CoE borrows senior engineers from the teams that run the most data
// platforms; they keep their home team and also belong to the CoE.
const COE_BORROWED_FROM = [
  'payments-core',
  'data-platform',
  'cloud-foundations',
];

function personFactory() {
  const random = randomFor('people');
  const taken = new Set();
  return () => {
    for (;;) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const name = `${first}.${last}`.toLowerCase();
      if (taken.has(name)) continue;
      taken.add(name);
      return {
        name,
        displayName: `${first} ${last.replace(/^OConnell$/, "O'Connell")}`,
        email: `${name}@${EMAIL_DOMAIN}`,
      };
    }
  };
}

export function buildOrg() {
  const sizes = randomFor('team-sizes');
  const person = personFactory();
  const groups = [];
  const users = [];
  const teamDepartment = {};

  const group = (name, type, title, parent, children, description) => {
    groups.push({
      name,
      type,
      title,
      parent,
      children,
      description,
      email: `${name}@${EMAIL_DOMAIN}`,
    });
  };

  group(
    ROOT.name,
    'organization',
    ROOT.title,
    undefined,
    DEPARTMENTS.map(d => d.name),
    ROOT.description,
  );
  for (const dept of DEPARTMENTS) {
    group(dept.name, 'department', dept.title, ROOT.name, [
      ...dept.tribes.map(t => t.name),
      ...dept.teams,
    ]);
    for (const tribe of dept.tribes) {
      group(tribe.name, 'tribe', tribe.title, dept.name, tribe.teams);
    }
  }
  for (const dept of DEPARTMENTS) {
    const parented = [
      ...dept.tribes.flatMap(t => t.teams.map(team => [team, t.name])),
      ...dept.teams.map(team => [team, dept.name]),
    ];
    for (const [team, parent] of parented) {
      teamDepartment[team] = dept.name;
      const description =
        team === 'coe'
          ? 'Owns the reference architectures for the data platforms the bank runs and helps teams converge on them.'
          : undefined;
      group(team, 'team', TEAM_TITLES[team], parent, [], description);
    }
  }

  for (const dept of DEPARTMENTS) {
    users.push({
      ...person(),
      memberOf: [dept.name],
      description: `Head of ${dept.title}`,
    });
  }
  const firstMember = {};
  for (const g of groups.filter(g => g.type === 'team' && g.name !== 'coe')) {
    const size = sizes.int(3, 7);
    for (let i = 0; i < size; i++) {
      const user = { ...person(), memberOf: [g.name] };
      if (i === 0) {
        user.description = `Engineering lead, ${g.title}`;
        firstMember[g.name] = user;
      }
      users.push(user);
    }
  }
  for (const team of COE_BORROWED_FROM) {
    firstMember[team].memberOf.push('coe');
  }
  users.push({
    ...person(),
    memberOf: ['coe'],
    description: 'Lead, Platform Center of Excellence',
  });
  users.push({
    ...person(),
    memberOf: ['coe'],
    description: 'Database reliability engineer, CoE',
  });

  return { groups, users, teamDepartment };
}
