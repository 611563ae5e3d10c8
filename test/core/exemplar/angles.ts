export const atan2Deg = (a: number, b: number) => (Math.atan2(b, a) * 180) / Math.PI;
