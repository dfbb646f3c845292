import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** A full entity ref, as actors that are users are recorded: `user:default/jo`. */
const ENTITY_REF = /^[\w.-]+:[\w.-]+\/[\w.-]+$/;

/** Who did something: a link to the user's entity, or a service's name as text. */
export const ActorLink = ({ actor }: { actor: string }) =>
  ENTITY_REF.test(actor) ? <EntityRefLink entityRef={actor} hideIcon /> : <>{actor}</>;
