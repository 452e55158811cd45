import { type AppError } from '../../common/errors';
import { BOUNDARY_MAX_VERTICES, parseBoundary } from './boundary';

const square = [
  [51.3, 35.7],
  [51.4, 35.7],
  [51.4, 35.8],
  [51.3, 35.8],
  [51.3, 35.7],
];

function refusal(input: unknown): Record<string, unknown> {
  try {
    parseBoundary(input);
  } catch (e) {
    return (e as AppError).extensions;
  }
  throw new Error('accepted');
}

describe('district boundaries', () => {
  it('accepts a Polygon, a MultiPolygon, a Feature and GeoJSON text, storing the geometry without altitudes', () => {
    expect(parseBoundary({ type: 'Polygon', coordinates: [square] })).toEqual({ type: 'Polygon', coordinates: [square] });
    expect(parseBoundary({ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[square]] } })).toEqual({
      type: 'MultiPolygon',
      coordinates: [[square]],
    });
    const withAltitude = square.map(([x, y]) => [x, y, 1200]);
    expect(parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [withAltitude] }))).toEqual({
      type: 'Polygon',
      coordinates: [square],
    });
    expect(parseBoundary(null)).toBeNull();
  });

  it('names the bad polygon, ring and point', () => {
    const open = square.slice(0, 4);
    expect(refusal({ type: 'MultiPolygon', coordinates: [[square], [square, open]] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.boundary',
      reason: 'BOUNDARY_INVALID',
      polygon: 1,
      ring: 1,
    });
    const flipped = square.map(([x, y]) => [y, x * 2]);
    expect(refusal({ type: 'Polygon', coordinates: [flipped] })).toMatchObject({ reason: 'BOUNDARY_INVALID', ring: 0, point: 0 });
    expect(refusal({ type: 'Polygon', coordinates: [[...square.slice(0, 2), ['x', 1], ...square.slice(2)]] })).toMatchObject({ point: 2 });
  });

  it('refuses other geometry types, non-JSON and oversized outlines', () => {
    expect(refusal({ type: 'Point', coordinates: [51.4, 35.7] })).toMatchObject({ reason: 'BOUNDARY_TYPE' });
    expect(refusal('{not json')).toMatchObject({ reason: 'BOUNDARY_NOT_JSON' });
    expect(refusal({ type: 'FeatureCollection', features: [] })).toMatchObject({ reason: 'BOUNDARY_TYPE' });
    const big = Array.from({ length: BOUNDARY_MAX_VERTICES + 1 }, (_, i) => [51 + i / 1e6, 35.7]);
    big.push(big[0]);
    expect(refusal({ type: 'Polygon', coordinates: [big] })).toMatchObject({ reason: 'BOUNDARY_TOO_LARGE' });
  });
});
