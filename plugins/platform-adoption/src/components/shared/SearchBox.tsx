import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';

/**
 * A text field with a search icon in front, for narrowing a list (teams,
 * deployments, findings) as one types. It hands over the text as typed.
 */
export const SearchBox = (props: {
  id: string;
  label: string;
  placeholder?: string;
  className?: string;
  value: string;
  onChange: (text: string) => void;
}) => {
  const { onChange, ...field } = props;
  return (
    <TextField
      {...field}
      onChange={e => onChange(e.target.value)}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
    />
  );
};
