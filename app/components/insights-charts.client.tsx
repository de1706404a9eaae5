// The insights charts (Polaris Viz), drawn in the browser only: they measure the page to draw,
// and keep their weight out of the server and of every other page. The tables beside them carry
// the same figures for the first paint and for screen readers and keyboards: the charts are a
// picture of the table (inert), as Polaris Viz's own roles do not yet pass an accessibility audit.
import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";
import type { CarrierScore, CostBucket, CostKind } from "../domain/insights/insights.server";

// React 18 does not know the attribute yet: passed as a plain one.
const INERT = { inert: "" } as Record<string, string>;

// Polaris Viz lets the tallest bar rise past the top gridline unless the scale is rounded up:
// a bar above the last labelled line cannot be read against the axis.
const THEMES = { Light: { grid: { verticalOverflow: false } } };

const COST_LABEL: Record<CostKind, string> = {
  refund: "Refunds",
  cancel_order: "Cancelled orders",
  reship: "Replacements",
  substitution: "Substitutes",
  compensation_code: "Codes used",
};

export function CarrierChart({ carriers }: { carriers: CarrierScore[] }) {
  return (
    <PolarisVizProvider themes={THEMES}>
      <figure style={{ height: 260, margin: 0 }} aria-hidden="true" {...INERT}>
        <BarChart
          theme="Light"
          isAnimated={false}
          skipLinkText="Skip the chart"
          yAxisOptions={{ labelFormatter: (v) => `${v}%` }}
          data={[
            { name: "Late %", data: carriers.map((c) => ({ key: c.carrier, value: c.latePercent })) },
            { name: "Failed %", data: carriers.map((c) => ({ key: c.carrier, value: c.failedPercent })) },
          ]}
        />
      </figure>
    </PolarisVizProvider>
  );
}

export function CostChart({ costs, currency }: { costs: CostBucket[]; currency: string }) {
  const kinds = Object.keys(COST_LABEL) as CostKind[];
  return (
    <PolarisVizProvider themes={THEMES}>
      <figure style={{ height: 260, margin: 0 }} aria-hidden="true" {...INERT}>
        <BarChart
          theme="Light"
          isAnimated={false}
          type="stacked"
          skipLinkText="Skip the chart"
          yAxisOptions={{ labelFormatter: (v) => `${v} ${currency}` }}
          data={kinds.map((k) => ({
            name: COST_LABEL[k],
            data: costs.map((b) => ({ key: b.label, value: Number(b[k]) })),
          }))}
        />
      </figure>
    </PolarisVizProvider>
  );
}
