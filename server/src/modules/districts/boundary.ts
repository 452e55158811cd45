import { AppError, ErrorCode } from '../../common/errors';
import { type EnumValue, selfNamed } from '../../common/self-named';

/** A longitude, latitude pair in WGS84 (EPSG:4326), as GeoJSON orders them. */
export type Position = [number, number];
/** A district's outline as stored: a GeoJSON Polygon or MultiPolygon geometry, altitudes dropped. */
export type DistrictBoundary = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** At most this many bytes of GeoJSON text for one district (simplify a survey-grade outline first). */
export const BOUNDARY_MAX_BYTES = 1024 * 1024;
/** At most this many points over all of a district's rings. */
export const BOUNDARY_MAX_VERTICES = 20_000;

/** Why a boundary was refused: `extensions.reason` on the BAD_USER_INPUT (docs/api.md). */
export const BoundaryReason = selfNamed(
  /** Not GeoJSON text or an object. */
  'BOUNDARY_NOT_JSON',
  /** Not a Polygon, a MultiPolygon or a Feature of one. */
  'BOUNDARY_TYPE',
  /** A coordinate, ring or polygon is malformed (see `path`). */
  'BOUNDARY_INVALID',
  /** Over BOUNDARY_MAX_BYTES or BOUNDARY_MAX_VERTICES. */
  'BOUNDARY_TOO_LARGE',
);
export type BoundaryReason = EnumValue<typeof BoundaryReason>;

export interface BoundaryLocation {
  polygon?: number;
  ring?: number;
  point?: number;
}

function refuse(field: string, reason: BoundaryReason, message: string, at: BoundaryLocation = {}): AppError {
  const parts = [
    at.polygon !== undefined ? `polygon ${at.polygon}` : '',
    at.ring !== undefined ? `ring ${at.ring}` : '',
    at.point !== undefined ? `point ${at.point}` : '',
  ].filter(Boolean);
  const where = parts.length ? ` (${parts.join(', ')})` : '';
  return new AppError(ErrorCode.BAD_USER_INPUT, `The boundary is not valid GeoJSON${where}: ${message}`, {
    field,
    reason,
    ...(parts.length ? { path: parts.join(', '), ...at } : {}),
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a district boundary and returns it as stored: a Polygon or MultiPolygon geometry (a Feature
 * is unwrapped, altitudes are dropped), or null for null. Accepts GeoJSON text or an object. Each
 * point must be [longitude, latitude] in WGS84 range, each ring closed with at least four points;
 * the first failure is reported with its polygon, ring and point index (all from 0).
 */
export function parseBoundary(input: unknown, field = 'input.boundary'): DistrictBoundary | null {
  if (input === null || input === undefined) return null;
  let value = input;
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (Buffer.byteLength(text, 'utf8') > BOUNDARY_MAX_BYTES)
    throw refuse(field, BoundaryReason.BOUNDARY_TOO_LARGE, `at most ${BOUNDARY_MAX_BYTES} bytes; simplify the outline.`);
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw refuse(field, BoundaryReason.BOUNDARY_NOT_JSON, 'the text is not JSON.');
    }
  }
  if (!isObject(value)) throw refuse(field, BoundaryReason.BOUNDARY_NOT_JSON, 'expected a GeoJSON object.');
  let geometry: Record<string, unknown> = value;
  if (geometry.type === 'FeatureCollection') {
    const features = geometry.features;
    if (!Array.isArray(features) || features.length !== 1)
      throw refuse(field, BoundaryReason.BOUNDARY_TYPE, 'a FeatureCollection must hold exactly one feature: give each district its own.');
    const feature: unknown = features[0];
    if (!isObject(feature)) throw refuse(field, BoundaryReason.BOUNDARY_TYPE, 'the feature is not an object.');
    geometry = feature;
  }
  if (geometry.type === 'Feature') {
    const inner = geometry.geometry;
    if (!isObject(inner)) throw refuse(field, BoundaryReason.BOUNDARY_TYPE, 'the feature has no geometry.');
    geometry = inner;
  }
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
    throw refuse(field, BoundaryReason.BOUNDARY_TYPE, `expected a Polygon or MultiPolygon, got ${JSON.stringify(geometry.type ?? null)}.`);
  const multi = geometry.type === 'MultiPolygon';
  const polygons = multi ? geometry.coordinates : [geometry.coordinates];
  if (!Array.isArray(polygons) || polygons.length === 0)
    throw refuse(field, BoundaryReason.BOUNDARY_INVALID, 'coordinates must be a non-empty array.');

  let vertices = 0;
  const out = polygons.map((polygon: unknown, p: number): Position[][] => {
    const at = (extra: BoundaryLocation = {}): BoundaryLocation => ({ ...(multi ? { polygon: p } : {}), ...extra });
    if (!Array.isArray(polygon) || polygon.length === 0)
      throw refuse(field, BoundaryReason.BOUNDARY_INVALID, 'a polygon must be a non-empty array of rings.', at());
    return polygon.map((ring: unknown, r: number): Position[] => {
      if (!Array.isArray(ring) || ring.length < 4)
        throw refuse(
          field,
          BoundaryReason.BOUNDARY_INVALID,
          'a ring needs at least four points (the last repeating the first).',
          at({ ring: r }),
        );
      vertices += ring.length;
      if (vertices > BOUNDARY_MAX_VERTICES)
        throw refuse(field, BoundaryReason.BOUNDARY_TOO_LARGE, `at most ${BOUNDARY_MAX_VERTICES} points in all; simplify the outline.`);
      const points = ring.map((point: unknown, i: number): Position => {
        if (
          !Array.isArray(point) ||
          point.length < 2 ||
          point.length > 3 ||
          !point.every((c) => typeof c === 'number' && Number.isFinite(c))
        )
          throw refuse(field, BoundaryReason.BOUNDARY_INVALID, 'a point is [longitude, latitude] in numbers.', at({ ring: r, point: i }));
        const [lon, lat] = point as number[];
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
          throw refuse(
            field,
            BoundaryReason.BOUNDARY_INVALID,
            'the point is outside WGS84 range (longitude -180…180, latitude -90…90; GeoJSON puts longitude first).',
            at({ ring: r, point: i }),
          );
        return [lon, lat];
      });
      const [first, last] = [points[0], points[points.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1])
        throw refuse(
          field,
          BoundaryReason.BOUNDARY_INVALID,
          'the ring is not closed: its last point must repeat its first.',
          at({ ring: r }),
        );
      if (new Set(points.slice(1).map((pt) => pt.join(','))).size < 3)
        throw refuse(field, BoundaryReason.BOUNDARY_INVALID, 'the ring needs at least three distinct points.', at({ ring: r }));
      return points;
    });
  });
  return multi ? { type: 'MultiPolygon', coordinates: out } : { type: 'Polygon', coordinates: out[0] };
}
