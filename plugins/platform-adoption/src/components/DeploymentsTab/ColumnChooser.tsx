import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import Menu from '@material-ui/core/Menu';
import MenuItem from '@material-ui/core/MenuItem';
import ViewColumnIcon from '@material-ui/icons/ViewColumn';
import type { FacetDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import { useState } from 'react';

/**
 * Facets shown before anyone chooses: those the fleet should agree on
 * (weight ≥ 0.3) and the context facets, except environment, which has its
 * own column.
 */
export function defaultFacetColumns(facets: FacetDefinition[]): string[] {
  return facets
    .filter(f => f.id !== 'environment' && (f.context || f.weight >= 0.3))
    .map(f => f.id);
}

/** Which facet columns the deployment table shows. */
export const ColumnChooser = (props: {
  facets: FacetDefinition[];
  visible: string[];
  onChange: (visible: string[]) => void;
}) => {
  const { facets, visible, onChange } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const toggle = (id: string) =>
    onChange(
      visible.includes(id)
        ? visible.filter(v => v !== id)
        : facets.map(f => f.id).filter(f => f === id || visible.includes(f)),
    );
  return (
    <>
      <Button
        startIcon={<ViewColumnIcon />}
        aria-haspopup="menu"
        onClick={e => setAnchor(e.currentTarget)}
      >
        Facet columns ({visible.length} of {facets.length})
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        {facets.map(f => (
          <MenuItem
            key={f.id}
            role="menuitemcheckbox"
            aria-checked={visible.includes(f.id)}
            onClick={() => toggle(f.id)}
          >
            <ListItemIcon>
              <Checkbox
                edge="start"
                size="small"
                checked={visible.includes(f.id)}
                tabIndex={-1}
                disableRipple
                inputProps={{ 'aria-hidden': true }}
              />
            </ListItemIcon>
            <ListItemText primary={f.title} secondary={f.description} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
