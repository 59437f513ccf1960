/** The HTTP methods an operation may declare (HEAD is answered for every GET). */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
