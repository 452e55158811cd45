/** What the client map draws for one district: computed on the server, so only strings and numbers cross. */
export interface MapArea {
  code: number;
  /** The short label on the map (the district's number): the table beside the map gives names and figures. */
  label: string;
  colour: string;
  withheld: boolean;
  /** GeoJSON geometry (Polygon or MultiPolygon), as the API gives it. */
  boundary: Record<string, unknown>;
}
