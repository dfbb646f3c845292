import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  text: { fill: '#7df3e1', fontFamily: 'Helvetica, Arial, sans-serif' },
});

/** The demo company's word mark: the portal belongs to the customer. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg height={30} viewBox="0 0 180 30" role="img" aria-label="Fernhill Bank">
      <text x="0" y="22" fontSize="20" fontWeight={700} className={classes.text}>
        Fernhill
      </text>
      <text x="86" y="22" fontSize="20" className={classes.text}>
        Bank
      </text>
    </svg>
  );
};
