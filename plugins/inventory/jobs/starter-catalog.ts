// The initial inventory an organization gets when it enables the plugin: common clinic supplies with
// sensible units, prices and thresholds, so the lists, alerts and reports have something to show. The
// import only adds SKUs the organization does not have, so re-enabling never duplicates or overwrites.
export const STARTER_CATALOG: Array<{ category: string; name: string; sku: string; quantity: number; unit: string; price: string; reorderThreshold: number }> = [
  { category: "medical-supplies", name: "Nitrile examination gloves (M)", sku: "MS-GLV-M", quantity: 40, unit: "box", price: "8.90", reorderThreshold: 20 },
  { category: "medical-supplies", name: "Nitrile examination gloves (L)", sku: "MS-GLV-L", quantity: 25, unit: "box", price: "8.90", reorderThreshold: 20 },
  { category: "medical-supplies", name: "Sterile gauze swabs 10x10 cm", sku: "MS-GAUZE-10", quantity: 120, unit: "pack", price: "3.40", reorderThreshold: 50 },
  { category: "medical-supplies", name: "Alcohol prep pads", sku: "MS-ALC-PAD", quantity: 300, unit: "pad", price: "0.05", reorderThreshold: 200 },
  { category: "medical-supplies", name: "Syringe 5 ml Luer lock", sku: "MS-SYR-5", quantity: 180, unit: "each", price: "0.22", reorderThreshold: 100 },
  { category: "medical-supplies", name: "Hypodermic needle 23G", sku: "MS-NDL-23G", quantity: 90, unit: "each", price: "0.09", reorderThreshold: 100 },
  { category: "medical-supplies", name: "Adhesive bandages assorted", sku: "MS-BAND-AS", quantity: 15, unit: "box", price: "4.75", reorderThreshold: 10 },
  { category: "medications", name: "Paracetamol 500 mg tablets", sku: "MED-PARA-500", quantity: 60, unit: "pack", price: "1.20", reorderThreshold: 30 },
  { category: "medications", name: "Ibuprofen 400 mg tablets", sku: "MED-IBU-400", quantity: 45, unit: "pack", price: "1.65", reorderThreshold: 30 },
  { category: "medications", name: "Saline solution 0.9% 500 ml", sku: "MED-SAL-500", quantity: 24, unit: "bottle", price: "2.10", reorderThreshold: 12 },
  { category: "medications", name: "Lidocaine 1% 5 ml ampoule", sku: "MED-LIDO-1", quantity: 8, unit: "ampoule", price: "1.95", reorderThreshold: 10 },
  { category: "office-supplies", name: "Printer paper A4", sku: "OF-PAPER-A4", quantity: 12, unit: "ream", price: "4.99", reorderThreshold: 5 },
  { category: "office-supplies", name: "Patient intake forms", sku: "OF-INTAKE", quantity: 400, unit: "sheet", price: "0.03", reorderThreshold: 150 },
  { category: "office-supplies", name: "Ballpoint pens blue", sku: "OF-PEN-BL", quantity: 50, unit: "each", price: "0.35", reorderThreshold: 20 },
  { category: "equipment", name: "Digital thermometer", sku: "EQ-THERMO", quantity: 6, unit: "each", price: "14.50", reorderThreshold: 2 },
  { category: "equipment", name: "Blood pressure cuff (adult)", sku: "EQ-BP-ADULT", quantity: 3, unit: "each", price: "39.00", reorderThreshold: 2 },
  { category: "equipment", name: "Pulse oximeter", sku: "EQ-PULSEOX", quantity: 2, unit: "each", price: "29.90", reorderThreshold: 2 },
  { category: "equipment", name: "Sharps container 2 l", sku: "EQ-SHARPS-2", quantity: 10, unit: "each", price: "3.80", reorderThreshold: 4 },
];
