import type { webApi } from '@slack/bolt';
import type { DayPoint } from '../core/followup/daily-series.js';
import type { Logger } from '../logger.js';
import { svgToPng } from '../report/chart-png.js';
import { reportChartSvg } from '../report/chart-svg.js';

/**
 * Uploads the report chart (risky threads per day, median minutes to acknowledge) to a channel. The chart
 * only adds to the report already posted, so a failure is logged, never thrown.
 */
export async function uploadReportChart(
  client: webApi.WebClient,
  logger: Logger,
  options: { channel: string; points: readonly DayPoint[]; comment?: string },
): Promise<boolean> {
  const first = options.points[0]?.day ?? '';
  const last = options.points.at(-1)?.day ?? '';
  const title = `Risky threads and time to acknowledge, ${first} – ${last}`;
  try {
    const file = svgToPng(reportChartSvg(options.points, title));
    await client.files.uploadV2({
      channel_id: options.channel,
      file,
      filename: `bulssi-report-${first}-${last}.png`,
      title,
      ...(options.comment ? { initial_comment: options.comment } : {}),
    });
    return true;
  } catch (error) {
    logger.warn({ err: error }, 'report chart not uploaded');
    return false;
  }
}
