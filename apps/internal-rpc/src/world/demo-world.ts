import type { Condition } from "@dropgate/core-domain";
import type { WorldFileInput } from "./world-file.js";

const WAREHOUSE = "Nashville DC";

/** Operator-held units: `count` units of one sku in one condition and disposition. */
function units(sku: string, upc: string, condition: Condition, disposition: string, count: number, firstLp: number) {
  return Array.from({ length: count }, (_, i) => ({
    lp: `LPN${String(firstLp + i).padStart(7, "0")}`,
    sku,
    upc,
    condition,
    disposition,
    warehouse: WAREHOUSE,
    location: `A-${String(1 + ((firstLp + i) % 12)).padStart(2, "0")}-01`,
    program: "returns",
  }));
}

/**
 * The built-in demo world: a drop-ship vendor with vendor-managed products, an Optoro buyer,
 * a Rewix buyer with ecredit and stock worth reserving, a retailer that sends forward orders,
 * operator-held units in several conditions, two lots with their
 * manifests, ship classes and carriers. Loading it again changes nothing.
 */
export const demoWorld: WorldFileInput = {
  clients: [
    { name: "acme-vendor", dialect: "retailops", scope: "vendor", vendorId: "27", vendorName: "Acme" },
    { name: "demo-buyer", dialect: "optoro", scope: "buyer" },
    { name: "rewix-buyer", dialect: "rewix", scope: "buyer", ecreditCents: 50_000, autoConfirm: true },
    // A retailer sending its forward orders (Optoro Forward Orders, POST /optoro/orders/forward_orders).
    { name: "demo-retailer", dialect: "optoro", scope: "forward_order_sender" },
  ],
  products: [
    { sku: "ACME-ABC123", upc: "012345678905", brand: "Acme", title: "Acme 20V Cordless Drill", vendorId: "27", vpc: "ABC123" },
    { sku: "ACME-DEF456", upc: "012345678912", brand: "Acme", title: "Acme Orbital Sander", vendorId: "27", vpc: "DEF456" },
    { sku: "ACME-GHI789", upc: "012345678929", brand: "Acme", title: "Acme Shop Vacuum 5 gal", vendorId: "27", vpc: "GHI789" },
    { sku: "OPT-KETTLE-01", upc: "840000000011", brand: "Brewster", title: "Electric Kettle 1.7 L" },
    { sku: "OPT-HEADSET-02", upc: "840000000028", brand: "Sonance", title: "Wireless Headset" },
    { sku: "OPT-BLENDER-03", upc: "840000000035", brand: "Whirl", title: "Countertop Blender" },
    // What the Rewix reseller `rewix-buyer` reserves and orders (operator-held, several conditions).
    { sku: "RWX-SNEAKER-42", upc: "8050000000421", brand: "Corsa", title: "Running sneaker, size 42" },
    { sku: "RWX-BAG-TOTE", upc: "8050000000438", brand: "Borsetta", title: "Leather tote bag" },
    { sku: "CSAA12345", title: "Pallet: mixed small kitchen appliances" },
    { sku: "CSAA12346", title: "Pallet: headsets and audio" },
  ],
  stock: [
    { sku: "ACME-ABC123", condition: "N", channel: "rts_drop_ship", onHand: 25, priceCents: 8_999 },
    { sku: "ACME-DEF456", condition: "N", channel: "rts_drop_ship", onHand: 40, priceCents: 4_999 },
    { sku: "ACME-GHI789", condition: "N", channel: "rts_drop_ship", onHand: 10, priceCents: 6_999 },
    { sku: "RWX-SNEAKER-42", condition: "N", channel: "rts_drop_ship", onHand: 30, priceCents: 5_900 },
    { sku: "RWX-SNEAKER-42", condition: "A", channel: "rts_drop_ship", onHand: 8, priceCents: 4_200 },
    { sku: "RWX-BAG-TOTE", condition: "N", channel: "rts_drop_ship", onHand: 15, priceCents: 12_900 },
    {
      sku: "CSAA12345",
      condition: "B",
      channel: "rts_drop_ship",
      kind: "lot",
      onHand: 1,
      priceCents: 125_000,
      lot: {
        warehouseName: WAREHOUSE,
        templateName: "mixed-kitchen",
        photoUrls: [],
        weight: 340,
        manifestItems: [
          { identifier: "LPN0000101", itemTitle: "Electric Kettle 1.7 L", condition: "B", manufacturer: "Brewster", upc: "840000000011", sku: "OPT-KETTLE-01" },
          { identifier: "LPN0000102", itemTitle: "Countertop Blender", condition: "B", manufacturer: "Whirl", upc: "840000000035", sku: "OPT-BLENDER-03" },
          { identifier: "LPN0000103", itemTitle: "Countertop Blender", condition: "R", manufacturer: "Whirl", upc: "840000000035", sku: "OPT-BLENDER-03" },
        ],
      },
    },
    {
      sku: "CSAA12346",
      condition: "A",
      channel: "rts_drop_ship",
      kind: "lot",
      onHand: 1,
      priceCents: 98_000,
      lot: {
        warehouseName: WAREHOUSE,
        templateName: "audio",
        photoUrls: [],
        weight: 120,
        manifestItems: [
          { identifier: "LPN0000201", itemTitle: "Wireless Headset", condition: "A", manufacturer: "Sonance", upc: "840000000028", sku: "OPT-HEADSET-02" },
          { identifier: "LPN0000202", itemTitle: "Wireless Headset", condition: "A", manufacturer: "Sonance", upc: "840000000028", sku: "OPT-HEADSET-02" },
        ],
      },
    },
  ],
  units: [
    ...units("OPT-KETTLE-01", "840000000011", "N", "rts_drop_ship", 1, 1),
    ...units("OPT-KETTLE-01", "840000000011", "A", "rts_drop_ship", 3, 2),
    ...units("OPT-KETTLE-01", "840000000011", "B", "rts_drop_ship", 2, 5),
    ...units("OPT-HEADSET-02", "840000000028", "A", "rts_drop_ship", 2, 7),
    ...units("OPT-HEADSET-02", "840000000028", "R", "rts_drop_ship", 2, 9),
    ...units("OPT-BLENDER-03", "840000000035", "B", "rts_drop_ship", 2, 11),
    // Still in returns-to-stock: `dropgate units move LPN0000013 --to rts_drop_ship` lists them.
    ...units("OPT-BLENDER-03", "840000000035", "A", "rts", 2, 13),
    // Awaiting test: TT is not a listing condition, so it adds no stock until graded.
    ...units("OPT-HEADSET-02", "840000000028", "TT", "rts_drop_ship", 1, 15),
  ],
  // RetailOps carrier classes with the ids real integrations hard-code (retailops-rewix.md A4.5).
  shipClasses: [
    { id: 3, name: "FedEx Priority Overnight", carrier: "FedEx" },
    { id: 4, name: "FedEx Standard Overnight", carrier: "FedEx" },
    { id: 5, name: "FedEx 2Day", carrier: "FedEx" },
    { id: 6, name: "FedEx Express Saver", carrier: "FedEx" },
    { id: 7, name: "FedEx Ground", carrier: "FedEx" },
    { id: 8, name: "FedEx Home Delivery", carrier: "FedEx" },
    { id: 9, name: "FedEx International Priority", carrier: "FedEx" },
    { id: 10, name: "FedEx International Economy", carrier: "FedEx" },
    { id: 34, name: "USPS Priority Mail", carrier: "USPS" },
    { id: 35, name: "USPS Parcel Select Nonpresort", carrier: "USPS" },
    { id: 37, name: "USPS Media Mail Single-Piece", carrier: "USPS" },
    { id: 38, name: "USPS Bnd Prt Mtr Single Piece", carrier: "USPS" },
    { id: 39, name: "USPS First-Class Mail", carrier: "USPS" },
    { id: 50, name: "USPS Priority Mail Express", carrier: "USPS" },
    { id: 57, name: "UPS Next Day Air", carrier: "UPS" },
    { id: 58, name: "UPS Next Day Air Saver", carrier: "UPS" },
    { id: 59, name: "UPS 2nd Day Air A.M.", carrier: "UPS" },
    { id: 60, name: "UPS 2nd Day Air", carrier: "UPS" },
    { id: 62, name: "UPS Ground", carrier: "UPS" },
    { id: 63, name: "UPS Worldwide Expedited", carrier: "UPS" },
    { id: 64, name: "UPS Worldwide Express Plus", carrier: "UPS" },
    { id: 65, name: "UPS Worldwide Express", carrier: "UPS" },
    { id: 66, name: "UPS Worldwide Express Saver", carrier: "UPS" },
    { id: 67, name: "UPS Standard Canada", carrier: "UPS" },
    { id: 71, name: "FedEx SmartPost Parcel Select", carrier: "FedEx" },
    { id: 74, name: "FedEx SmartPost Standard Mail", carrier: "FedEx" },
    { id: 113, name: "FedEx Ground", carrier: "FedEx" },
    { id: 114, name: "LTL", carrier: "LTL" },
  ],
  carriers: [
    { id: 10, name: "DHL", costCents: 1_490, isDefault: false },
    { id: 20, name: "UPS", costCents: 990, isDefault: true },
    { id: 30, name: "GLS", costCents: 790, isDefault: false },
  ],
};
