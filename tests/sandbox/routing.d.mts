export declare function routeShopifyTo(sandboxUrl: string): void;
