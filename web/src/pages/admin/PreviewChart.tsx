import { BarChart } from 'echarts/charts';
import { GridComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { PreviewResult } from '../../api/types';

echarts.use([BarChart, GridComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export interface PreviewChartProps {
  preview: PreviewResult;
  labels: { eligible: string; limit: string; before: string; after: string; summary: string };
}

/** Eligible suppliers and total limit, now and after the change: loaded only when a preview is shown (ECharts stays out of the first bundle). */
export default function PreviewChart({ preview, labels }: PreviewChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'svg' });
    const cats = [labels.before, labels.after];
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      title: [
        { text: labels.eligible, left: '5%', textStyle: { fontSize: 13 } },
        { text: labels.limit, left: '55%', textStyle: { fontSize: 13 } },
      ],
      grid: [
        { left: '8%', width: '36%', top: 40, bottom: 30 },
        { left: '60%', width: '36%', top: 40, bottom: 30 },
      ],
      xAxis: [
        { type: 'category', data: cats, gridIndex: 0 },
        { type: 'category', data: cats, gridIndex: 1 },
      ],
      yAxis: [
        { type: 'value', gridIndex: 0 },
        { type: 'value', gridIndex: 1 },
      ],
      series: [
        {
          type: 'bar',
          xAxisIndex: 0,
          yAxisIndex: 0,
          data: [preview.eligibleNow, preview.eligibleAfter],
          itemStyle: { color: '#0958d9' },
          label: { show: true, position: 'top' },
        },
        {
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          // for the picture only: the figures shown in text stay exact decimal strings
          data: [Number(preview.totalLimitNow), Number(preview.totalLimitAfter)],
          itemStyle: { color: '#389e0d' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [preview, labels]);
  return <div ref={ref} role="img" aria-label={labels.summary} style={{ width: '100%', height: 260 }} />;
}
