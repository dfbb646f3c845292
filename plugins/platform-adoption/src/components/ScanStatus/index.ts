export { ScanNowButton } from './ScanNowButton';
export { ScanStatusLine } from './ScanStatusLine';
export { useScanStatus } from './useScanStatus';
