export { DEFAULT_MAX_ENTRIES, History, type HistoryOptions } from './history';
