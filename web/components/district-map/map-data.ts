/** What the client map draws for one district: computed on the server, so only strings and numbers cross. */
export interface MapArea {
  code: number;
  /** The short label on the map (the district's number): the table beside the map gives names and figures. */
  label: string;
  colour: string;
  withheld: boolean;
  /** The district the page is about: drawn with a heavy outline, above the others. */
  highlighted: boolean;
  /** Its public page: a click on the area opens it (the table's links do the same by keyboard). */
  href: string | null;
  /** GeoJSON geometry (Polygon or MultiPolygon), as the API gives it. */
  boundary: Record<string, unknown>;
}
