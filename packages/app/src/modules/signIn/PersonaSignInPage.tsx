import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import { IdentityApi } from '@backstage/core-plugin-api';
import { Button, Grid, Typography } from '@material-ui/core';
import { ComponentProps, useState } from 'react';

type SignInPageProps = ComponentProps<typeof ProxiedSignInPage>;

/** The demo's two ways in; each is an auth provider configured in app-config.yaml. */
const PERSONAS = [
  {
    provider: 'guest',
    title: 'Team member',
    who: 'Adaeze Desai, Customer Insights',
    what: 'Browses adoption, sees her team’s deployments and what to fix; cannot change the standard.',
    action: 'Enter',
  },
  {
    provider: 'coe-lead',
    title: 'CoE lead',
    who: 'Tamsin Raman, Platform Center of Excellence',
    what: 'Derives, edits and publishes reference architectures, grants exemptions, runs campaigns.',
    action: 'Enter as CoE lead',
  },
];

const STORAGE_KEY = 'platform-adoption-demo:persona';

/**
 * Signs a visitor in as one of the demo personas, without a password. The
 * choice is remembered so a reload keeps the session; signing out forgets
 * it, so the next visit can pick the other persona.
 */
export const PersonaSignInPage = (props: Omit<SignInPageProps, 'provider'>) => {
  const [provider, setProvider] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));

  if (provider) {
    return (
      <ProxiedSignInPage
        {...props}
        provider={provider}
        onSignInSuccess={(identity: IdentityApi) => {
          const signOut = identity.signOut.bind(identity);
          identity.signOut = async () => {
            localStorage.removeItem(STORAGE_KEY);
            await signOut();
          };
          props.onSignInSuccess(identity);
        }}
      />
    );
  }

  return (
    <Page themeId="home">
      <Header title="Fernhill Bank developer portal" subtitle="Platform Adoption demo: choose who you are" />
      <Content>
        <Grid container spacing={3}>
          {PERSONAS.map(persona => (
            <Grid item xs={12} md={6} key={persona.provider}>
              <InfoCard title={persona.title} subheader={persona.who}>
                <Typography paragraph>{persona.what}</Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => {
                    localStorage.setItem(STORAGE_KEY, persona.provider);
                    setProvider(persona.provider);
                  }}
                >
                  {persona.action}
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
};
