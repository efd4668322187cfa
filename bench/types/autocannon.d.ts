// The part of autocannon's API the benchmark uses (the package ships no types).
declare module "autocannon" {
  interface AutocannonOptions {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    pipelining?: number;
  }
  interface AutocannonResult {
    requests: { total: number; average: number };
    duration: number;
    errors: number;
    non2xx: number;
  }
  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
