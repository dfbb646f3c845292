import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  text: { fill: '#7df3e1', fontFamily: 'Helvetica, Arial, sans-serif' },
});

export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg height={28} viewBox="0 0 28 28" role="img" aria-label="Fernhill Bank">
      <text x="4" y="22" fontSize="22" fontWeight={700} className={classes.text}>
        F
      </text>
    </svg>
  );
};
