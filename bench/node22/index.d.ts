/** The Node 22 binary installed by the npm package `node`. */
export declare const node22Path: string;
