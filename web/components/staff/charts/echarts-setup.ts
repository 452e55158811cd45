// The parts of Apache ECharts the staff charts use, registered once. Imported only through a
// dynamic import in echart.tsx, so the chart code is a separate chunk loaded by staff pages alone.
import { BarChart, CustomChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

register([BarChart, LineChart, HeatmapChart, CustomChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { init };
