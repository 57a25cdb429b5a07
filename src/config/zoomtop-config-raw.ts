// zoomtop.yaml as written (snake_case, duration strings): the shape the schema admits, before mapping.
import type { AlertLevel, Impact, MetricId } from '../rules/types.js';
import type { LogLevel } from '../app/log-file.js';

export type RawAlertRule = {
  id: string;
  enabled?: boolean;
  metric?: MetricId;
  level?: AlertLevel;
  above?: number;
  clear_below?: number;
  min_duration?: string;
  message?: string;
};

export type RawSuggestionRule = {
  id: string;
  enabled?: boolean;
  metric?: MetricId;
  above?: number;
  for?: string;
  expire_after?: string;
  text?: string;
  impact?: Impact;
  effort?: Impact;
  priority?: number;
  automated?: boolean;
  action_ids?: string[];
};

export type RawZoomtopConfig = {
  interval?: string;
  alerts?: RawAlertRule[] | null;
  suggestions?: RawSuggestionRule[] | null;
  actions?: {
    ladder?: string[];
    fps_step?: number;
    fps_floor?: number;
    fps_ceiling?: number;
    settle_period?: string;
    auto?: { cooldown?: string; min_duration?: string; max_per_hour?: number } | null;
  } | null;
  app_config?: string | null;
  theme?: string | null;
  statsd?: string | false;
  log_level?: LogLevel;
};
